package io.flowpol.cli.fuzz;

/**
 * Raw JSON text put where a recording field was: wrong types, out-of-range numbers, names
 * Kubernetes would refuse (over 253 / 63 characters, not DNS-1123), bad times and addresses,
 * control characters, and nesting deeper than any reader's stack.
 */
enum JsonValue {
    NULL("null"),
    TRUE("true"),
    ZERO("0"),
    MINUS_ONE("-1"),
    BIG_INTEGER("123456789012345678901234567890"),
    HUGE_EXPONENT("1e999999"),
    FRACTION("0.5"),
    EMPTY_STRING("\"\""),
    SHORT_STRING("\"x\""),
    LABELS_AS_STRING("\"app=web,tier=front\""),
    NAME_300_CHARS("\"" + "a".repeat(300) + "\""),
    STRING_200_KB("\"" + "b".repeat(200_000) + "\""),
    NOT_DNS_1123("\"Web_Server.\""),
    IP_STRING("\"10.0.1.50\""),
    BAD_IP("\"999.1.1.1\""),
    IPV6("\"fd00::1\""),
    NOT_A_TIME("\"yesterday\""),
    TIME_WITHOUT_ZONE("\"2026-11-30T10:00:00\""),
    TIME_YEAR_9999("\"9999-12-31T23:59:59Z\""),
    TIME_EPOCH("\"1970-01-01T00:00:00Z\""),
    TIME_LEAP_SECOND("\"2026-11-30T23:59:60Z\""),
    TIME_MONTH_13("\"2026-13-40T25:61:61Z\""),
    EMPTY_OBJECT("{}"),
    EMPTY_ARRAY("[]"),
    ARRAY_OF_NULL("[null]"),
    ARRAY_OF_STRING("[\"x\"]"),
    OBJECT_OF_NUMBERS("{\"app\":1,\"tier\":true}"),
    NESTED_5000("[".repeat(5000) + "]".repeat(5000)),
    CONTROL_CHARACTERS("\"a\\u0000b\\u001bc\\n\""),
    LONE_SURROGATE("\"\\ud800\""),
    NON_ASCII("\"\u00f1and\u00fa\"");

    private final String json;

    JsonValue(String json) {
        this.json = json;
    }

    String json() {
        return json;
    }
}
