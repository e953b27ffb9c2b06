package io.flowpol.inference.model;

/**
 * An IPv4 or IPv6 address as 128 bits in two longs. IPv4 is stored IPv4-mapped
 * ({@code ::ffff:a.b.c.d}) so that both families share one key space and one
 * comparison; the hot loop works on the two longs directly and builds this record
 * only when a value is kept.
 */
public record IpAddress(long hi, long lo) implements Comparable<IpAddress> {

    /** The high 32 bits of {@link #lo} for an IPv4-mapped address. */
    public static final long V4_MAPPED_PREFIX = 0x0000_FFFF_0000_0000L;

    public static IpAddress ofV4(int address) {
        return new IpAddress(0L, V4_MAPPED_PREFIX | (address & 0xFFFF_FFFFL));
    }

    public static long v4Lo(int address) {
        return V4_MAPPED_PREFIX | (address & 0xFFFF_FFFFL);
    }

    public static boolean isV4(long hi, long lo) {
        return hi == 0L && (lo & 0xFFFF_FFFF_0000_0000L) == V4_MAPPED_PREFIX;
    }

    public boolean isV4() {
        return isV4(hi, lo);
    }

    /** The IPv4 address as an int; only meaningful when {@link #isV4()}. */
    public int v4() {
        return (int) lo;
    }

    /** Parses dotted-quad IPv4 or any RFC 4291 IPv6 text form. */
    public static IpAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("address == null");
        }
        if (text.indexOf(':') < 0) {
            return ofV4(parseV4(text));
        }
        return parseV6(text);
    }

    private static int parseV4(String text) {
        int value = 0;
        int octets = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int octet = 0;
            int digits = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                octet = octet * 10 + (text.charAt(i) - '0');
                digits++;
                i++;
            }
            if (digits == 0 || digits > 3 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            value = (value << 8) | octet;
            octets++;
            if (i < n) {
                if (text.charAt(i) != '.' || octets == 4) {
                    throw new IllegalArgumentException("not an IPv4 address: " + text);
                }
                i++;
                if (i == n) {
                    throw new IllegalArgumentException("not an IPv4 address: " + text);
                }
            }
        }
        if (octets != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        return value;
    }

    private static IpAddress parseV6(String text) {
        try {
            byte[] bytes = java.net.InetAddress.getByName(text).getAddress();
            if (bytes.length == 4) {
                return ofV4(java.nio.ByteBuffer.wrap(bytes).getInt());
            }
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            return new IpAddress(buffer.getLong(), buffer.getLong());
        } catch (java.net.UnknownHostException | RuntimeException e) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
    }

    @Override
    public int compareTo(IpAddress other) {
        int c = Long.compareUnsigned(hi, other.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, other.lo);
    }

    /** Canonical text: dotted quad for IPv4, RFC 5952 compressed form for IPv6. */
    @Override
    public String toString() {
        if (isV4()) {
            int a = v4();
            return ((a >>> 24) & 0xFF) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
        }
        int[] groups = new int[8];
        for (int g = 0; g < 4; g++) {
            groups[g] = (int) ((hi >>> (48 - 16 * g)) & 0xFFFF);
            groups[g + 4] = (int) ((lo >>> (48 - 16 * g)) & 0xFFFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && groups[g] == 0) {
                g++;
            }
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        StringBuilder out = new StringBuilder(39);
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append("::");
                g += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[g]));
        }
        return out.toString();
    }
}
