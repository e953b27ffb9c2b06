package io.flowpol.inference.model;

/** IANA protocol numbers as flow logs carry them, and their policy names. */
public final class Protocol {
    public static final int ICMP = 1;
    public static final int IPIP = 4;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMPV6 = 58;
    public static final int SCTP = 132;

    private Protocol() {
    }

    /** The name NetworkPolicy and Calico use (TCP, UDP, SCTP, ICMP), or the number as text. */
    public static String name(int protocol) {
        return switch (protocol) {
            case TCP -> "TCP";
            case UDP -> "UDP";
            case SCTP -> "SCTP";
            case ICMP -> "ICMP";
            case ICMPV6 -> "ICMPv6";
            default -> Integer.toString(protocol);
        };
    }

    /** Parses a protocol name (any case) or number; -1 when unknown. */
    public static int parse(String text) {
        return switch (text.toUpperCase(java.util.Locale.ROOT)) {
            case "TCP" -> TCP;
            case "UDP" -> UDP;
            case "SCTP" -> SCTP;
            case "ICMP" -> ICMP;
            case "ICMPV6" -> ICMPV6;
            default -> {
                try {
                    int n = Integer.parseInt(text);
                    yield n >= 0 && n <= 255 ? n : -1;
                } catch (NumberFormatException e) {
                    yield -1;
                }
            }
        };
    }
}
