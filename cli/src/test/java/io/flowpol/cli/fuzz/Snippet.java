package io.flowpol.cli.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * Byte sequences that break text readers: control bytes, invalid UTF-8 (RFC 3629 section 3:
 * lone continuation, overlong, surrogate, cut sequence), a BOM, look-alike spaces and digits.
 */
enum Snippet {
    NUL(0x00),
    BOM(0xEF, 0xBB, 0xBF),
    LONE_CONTINUATION(0x80),
    OVERLONG_SLASH(0xC0, 0xAF),
    SURROGATE(0xED, 0xA0, 0x80),
    CUT_SEQUENCE(0xE2, 0x82),
    BYTE_FF(0xFF),
    LATIN1_E_ACUTE(0xE9),
    CR(0x0D),
    CRLF(0x0D, 0x0A),
    LF(0x0A),
    TAB(0x09),
    ESC(0x1B),
    DEL(0x7F),
    VERTICAL_TAB(0x0B),
    NO_BREAK_SPACE(0xC2, 0xA0),
    ZERO_WIDTH_SPACE(0xE2, 0x80, 0x8B),
    ARABIC_INDIC_DIGITS("\u0661\u0662\u0663"),
    QUOTE("\""),
    BACKSLASH("\\"),
    OPEN_BRACE("{"),
    CLOSE_BRACKET("]"),
    COMMA(","),
    SPACE(" "),
    DASH("-"),
    TWENTY_NINES("99999999999999999999");

    private final byte[] bytes;

    Snippet(int... values) {
        bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
    }

    Snippet(String text) {
        bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
