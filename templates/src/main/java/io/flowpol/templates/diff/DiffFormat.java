package io.flowpol.templates.diff;

import java.util.Locale;

/** The {@code -o} formats of {@code flowpol diff}: markdown is what the PR bot posts. */
public enum DiffFormat {
    TEXT, MARKDOWN, JSON;

    /**
     * @param text {@code text}, {@code markdown} (or {@code md}) or {@code json}, any case
     * @throws IllegalArgumentException any other value, naming the accepted ones
     */
    public static DiffFormat parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "markdown", "md" -> MARKDOWN;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("expected text, markdown or json, found " + text);
        };
    }
}
