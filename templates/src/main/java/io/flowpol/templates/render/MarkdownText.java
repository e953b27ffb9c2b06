package io.flowpol.templates.render;

/**
 * Escapes text for the report: GitHub-flavoured Markdown table cells (a {@code |} ends a
 * cell unless escaped; a newline ends the row) and Mermaid labels (a {@code "} ends a quoted
 * label; Mermaid's entity form {@code #quot;} keeps it).
 */
public final class MarkdownText {
    private MarkdownText() {
    }

    /** One table cell: pipes and backslashes escaped, markup characters neutralised, one line. */
    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '|' -> out.append("\\|");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '`' -> out.append("\\`");
                case '*', '_', '[', ']' -> out.append('\\').append(c);
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A Mermaid label, to be put between double quotes. */
    static String mermaidLabel(String text) {
        return text.replace("\"", "#quot;").replace("\n", " ");
    }
}
