package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.IpAddress;

/**
 * Parses an IPv4 or IPv6 address from bytes into the two longs of {@link IpAddress}
 * (IPv4 stored IPv4-mapped). Reused: {@link #parse} leaves the result in {@link #hi} and
 * {@link #lo}, so the hot loop allocates nothing for either family.
 */
final class AddressBytes {
    long hi;
    long lo;

    private final int[] groups = new int[8];

    /** Parses {@code [start, end)}; false when it is not a dotted quad nor an RFC 4291 IPv6 text form. */
    boolean parse(byte[] buf, int start, int end) {
        for (int i = start; i < end; i++) {
            if (buf[i] == ':') {
                return parseV6(buf, start, end);
            }
        }
        long v4 = parseV4(buf, start, end);
        if (v4 < 0) {
            return false;
        }
        hi = 0L;
        lo = IpAddress.V4_MAPPED_PREFIX | v4;
        return true;
    }

    /** The dotted quad as an unsigned 32-bit value, or -1. */
    static long parseV4(byte[] buf, int start, int end) {
        long value = 0;
        int octets = 0;
        int i = start;
        while (octets < 4) {
            int octet = 0;
            int digits = 0;
            int digit;
            while (i < end && (digit = ByteFields.DIGIT[buf[i] & 0xFF]) >= 0) {
                octet = octet * 10 + digit;
                digits++;
                i++;
            }
            if (digits == 0 || digits > 3 || octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
            octets++;
            if (octets < 4) {
                if (i >= end || buf[i] != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == end ? value : -1;
    }

    private boolean parseV6(byte[] buf, int start, int end) {
        int count = 0;
        int gap = -1;
        int i = start;
        if (end - start >= 2 && buf[i] == ':' && buf[i + 1] == ':') {
            gap = 0;
            i += 2;
        }
        while (i < end) {
            if (count == 8) {
                return false;
            }
            int groupStart = i;
            int value = 0;
            int hex;
            while (i < end && i - groupStart < 5 && (hex = ByteFields.HEX[buf[i] & 0xFF]) >= 0) {
                value = (value << 4) | hex;
                i++;
            }
            if (i < end && buf[i] == '.') {
                // Embedded IPv4 tail (::ffff:10.0.0.1): takes the last two groups.
                long v4 = parseV4(buf, groupStart, end);
                if (v4 < 0 || count > 6) {
                    return false;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = end;
                break;
            }
            if (i == groupStart || i - groupStart > 4) {
                return false;
            }
            groups[count++] = value;
            if (i == end) {
                break;
            }
            if (buf[i] != ':') {
                return false;
            }
            i++;
            if (i < end && buf[i] == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                i++;
            } else if (i == end) {
                return false;
            }
        }
        return fill(count, gap);
    }

    /** Expands {@code ::} at {@code gap} (or none) to eight groups and packs them. */
    private boolean fill(int count, int gap) {
        if (gap < 0 ? count != 8 : count > 7) {
            return false;
        }
        int zeros = 8 - count;
        long high = 0;
        long low = 0;
        int source = 0;
        for (int g = 0; g < 8; g++) {
            int value;
            if (gap >= 0 && g >= gap && g < gap + zeros) {
                value = 0;
            } else {
                value = groups[source++];
            }
            if (g < 4) {
                high = (high << 16) | value;
            } else {
                low = (low << 16) | value;
            }
        }
        hi = high;
        lo = low;
        return true;
    }
}
