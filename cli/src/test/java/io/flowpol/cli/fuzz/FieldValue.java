package io.flowpol.cli.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * Values put into a flow-log field: out of range for ports (16 bit), protocols (8 bit), counts
 * and epoch seconds, other protocols (ICMP 1, ICMPv6 58, UDP 17), the keywords of another field,
 * number forms a lenient parser might accept, and sizes no field has.
 */
enum FieldValue {
    DASH("-"),
    EMPTY(""),
    ZERO("0"),
    MINUS_ONE("-1"),
    PLUS_SIGN("+80"),
    PORT_65535("65535"),
    PORT_65536("65536"),
    INT_OVERFLOW("4294967296"),
    LONG_OVERFLOW("9223372036854775808"),
    FIVE_THOUSAND_DIGITS("9".repeat(5000)),
    FRACTION("1.5"),
    HEX("0x1F"),
    EXPONENT("1e9"),
    ARABIC_INDIC_DIGITS("\u0661\u0662\u0663"),
    FULLWIDTH_DIGITS("\uFF18\uFF10"),
    ICMP("1"),
    ICMPV6("58"),
    UDP("17"),
    GRE("47"),
    PROTOCOL_255("255"),
    PROTOCOL_256("256"),
    ACCEPT("ACCEPT"),
    REJECT("REJECT"),
    LOWERCASE_ACCEPT("accept"),
    NODATA("NODATA"),
    SKIPDATA("SKIPDATA"),
    OK("OK"),
    SYN("2"),
    SYN_ACK("18"),
    IP_OCTET_OVER("256.0.0.1"),
    IP_THREE_OCTETS("10.0.1"),
    IP_LEADING_ZEROS("010.000.001.050"),
    IPV6("2001:db8::1"),
    IPV4_MAPPED_IPV6("::ffff:10.0.1.50"),
    LOOPBACK("127.0.0.1"),
    METADATA("169.254.169.254"),
    BROADCAST("255.255.255.255"),
    EPOCH_ZERO("0"),
    YEAR_5000("95617584000"),
    EPOCH_MILLIS("1796033129000"),
    VERSION_99("99"),
    ENI("eni-0123456789abcdef0"),
    NON_ASCII("\u00e9t\u00e9"),
    LONG_TOKEN("x".repeat(70_000));

    private final byte[] bytes;

    FieldValue(String text) {
        bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return bytes.length > 40 ? name() : name() + "(\"" + new String(bytes, StandardCharsets.UTF_8) + "\")";
    }
}
