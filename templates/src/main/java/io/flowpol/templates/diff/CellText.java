package io.flowpol.templates.diff;

import io.flowpol.templates.render.MarkdownText;
import java.util.function.UnaryOperator;

/**
 * Escaping for the two text formats: Markdown cells as the generate report escapes them
 * ({@link MarkdownText#cell}: pipes, backticks and markup characters), terminal cells only kept
 * on one line; and code fences that a policy's content cannot close.
 */
final class CellText {
    static final UnaryOperator<String> MARKDOWN = MarkdownText::cell;
    static final UnaryOperator<String> PLAIN = CellText::plain;

    private CellText() {
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
