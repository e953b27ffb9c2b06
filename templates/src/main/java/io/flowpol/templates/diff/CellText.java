package io.flowpol.templates.diff;

import java.util.function.UnaryOperator;

/**
 * Escaping for the two text formats. Markdown table cells follow GitHub-flavoured Markdown: a
 * {@code |} ends a cell unless escaped, a newline ends the row, a backtick opens code that
 * would swallow the rest of the row. The terminal format only keeps a value on one line.
 * (The generate report's MarkdownText does the same for its own package.)
 */
final class CellText {
    static final UnaryOperator<String> MARKDOWN = CellText::markdown;
    static final UnaryOperator<String> PLAIN = CellText::plain;

    private CellText() {
    }

    static String markdown(String text) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '|' -> out.append("\\|");
                case '\\' -> out.append("\\\\");
                case '`' -> out.append("\\`");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '*', '_', '[', ']' -> out.append('\\').append(c);
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String plain(String text) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }

    /**
     * A code fence longer than any backtick run in {@code body} (CommonMark: a fence closes
     * only on a run at least as long), so a policy holding backticks cannot end the block.
     */
    static String fence(String body) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
