package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.IpAddress;
import java.nio.charset.StandardCharsets;

/**
 * The fast path of {@link FlowLogLineParser} (GitHub issue 7): each value is converted while it
 * is scanned, so every byte of a well-formed line is read once, where the checked path first
 * splits the line and then converts each value. It accepts only what the checked path accepts
 * and fills the cursor exactly as it does; on anything unusual (a bad or over-long value, a
 * control byte, a wrong number of values) it returns false and the checked path parses the
 * line again, so that problems keep their exact wording (file, line, field, expected, found).
 */
final class FusedLineParser {
    private static final int SKIP = 0;
    private static final int VERSION = 1;
    private static final int INTERFACE_ID = 2;
    private static final int SRCADDR = 3;
    private static final int DSTADDR = 4;
    private static final int PKT_SRCADDR = 5;
    private static final int PKT_DSTADDR = 6;
    private static final int SRCPORT = 7;
    private static final int DSTPORT = 8;
    private static final int PROTOCOL = 9;
    private static final int PACKETS = 10;
    private static final int BYTES = 11;
    private static final int START = 12;
    private static final int END = 13;
    private static final int ACTION = 14;
    private static final int LOG_STATUS = 15;
    private static final int TCP_FLAGS = 16;
    private static final int FLOW_DIRECTION = 17;
    private static final int TRAFFIC_PATH = 18;

    private static final byte[] ACCEPT = "ACCEPT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REJECT = "REJECT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "OK".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NODATA = "NODATA".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SKIPDATA = "SKIPDATA".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INGRESS = "ingress".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EGRESS = "egress".getBytes(StandardCharsets.US_ASCII);
    /** As the checked path: at most 18 digits, so a value always fits a long. */
    private static final int MAX_DIGITS = 18;
    private static final long MAX_EPOCH_SECONDS = 100_000_000_000L;

    /** What each column holds, as a small int so that the per-value dispatch is a jump table. */
    private final int[] kinds;
    private final AddressBytes address = new AddressBytes();
    /** End of the value the last converter read; {@code -1} means "not on the fast path". */
    private int p;
    private long number;

    FusedLineParser(FlowLogFormat format) {
        kinds = new int[format.columnCount()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = kind(format.column(i));
        }
    }

    /** Fills {@code out} from a well-formed line and returns true, or returns false leaving {@code out} partly filled. */
    boolean parse(byte[] buf, int start, int end, FlowRecord out) {
        out.clear();
        p = start;
        for (int column = 0; column < kinds.length; column++) {
            skipSeparators(buf, end);
            if (p >= end) {
                return false;
            }
            if (buf[p] == '-' && (p + 1 == end || ByteFields.CLASS[buf[p + 1] & 0xFF] == ByteFields.SEPARATOR)) {
                p++;
                continue;
            }
            if (!value(kinds[column], buf, end, out)) {
                return false;
            }
        }
        skipSeparators(buf, end);
        return p == end;
    }

    private void skipSeparators(byte[] buf, int end) {
        while (p < end && ByteFields.CLASS[buf[p] & 0xFF] == ByteFields.SEPARATOR) {
            p++;
        }
    }

    /** Converts the value at {@code p}, leaving {@code p} after it; false to fall back. */
    private boolean value(int kind, byte[] buf, int end, FlowRecord out) {
        switch (kind) {
            case VERSION -> out.version = (int) number(buf, end, 255);
            case INTERFACE_ID -> {
                out.interfaceId = hash(buf, end);
                out.hasInterfaceId = true;
            }
            case SRCADDR -> {
                out.hasSrcAddr = address(buf, end);
                out.srcHi = address.hi;
                out.srcLo = address.lo;
            }
            case DSTADDR -> {
                out.hasDstAddr = address(buf, end);
                out.dstHi = address.hi;
                out.dstLo = address.lo;
            }
            case PKT_SRCADDR -> {
                out.hasPktSrcAddr = address(buf, end);
                out.pktSrcHi = address.hi;
                out.pktSrcLo = address.lo;
            }
            case PKT_DSTADDR -> {
                out.hasPktDstAddr = address(buf, end);
                out.pktDstHi = address.hi;
                out.pktDstLo = address.lo;
            }
            case SRCPORT -> out.srcPort = (int) number(buf, end, 65535);
            case DSTPORT -> out.dstPort = (int) number(buf, end, 65535);
            case PROTOCOL -> out.protocol = (int) number(buf, end, 255);
            case PACKETS -> out.packets = number(buf, end, Long.MAX_VALUE);
            case BYTES -> out.bytes = number(buf, end, Long.MAX_VALUE);
            case START -> out.startMillis = number(buf, end, MAX_EPOCH_SECONDS) * 1000L;
            case END -> out.endMillis = number(buf, end, MAX_EPOCH_SECONDS) * 1000L;
            case ACTION -> out.action = word(buf, end, ACCEPT, FlowRecord.ACTION_ACCEPT, REJECT, FlowRecord.ACTION_REJECT);
            case LOG_STATUS -> out.logStatus = status(buf, end);
            case TCP_FLAGS -> out.tcpFlags = (int) number(buf, end, 255);
            case FLOW_DIRECTION -> out.flowDirection = word(buf, end, INGRESS, FlowRecord.DIRECTION_INGRESS,
                    EGRESS, FlowRecord.DIRECTION_EGRESS);
            case TRAFFIC_PATH -> out.trafficPath = (int) number(buf, end, 255);
            default -> skip(buf, end);
        }
        return p >= 0;
    }

    /** Digits up to a separator or the end, at most {@code max}; else {@code p = -1}. */
    private long number(byte[] buf, int end, long max) {
        int s = p;
        int i = s;
        long value = 0;
        int digit;
        // An unsigned compare instead of the DIGIT table: one branch, no load (JFR: the hottest loop).
        while (i < end && (digit = buf[i] - '0') >= 0 && digit <= 9) {
            value = value * 10 + digit;
            i++;
        }
        if (i == s || i - s > MAX_DIGITS || value > max || !boundary(buf, i, end)) {
            p = -1;
            return -1;
        }
        p = i;
        return value;
    }

    /** A dotted quad read as it is scanned; any other text (IPv6) goes through {@link AddressBytes}. */
    private boolean address(byte[] buf, int end) {
        int i = p;
        long value = 0;
        for (int octets = 0; octets < 4; octets++) {
            int s = i;
            int octet = 0;
            int digit;
            while (i < end && (digit = buf[i] - '0') >= 0 && digit <= 9) {
                octet = octet * 10 + digit;
                i++;
            }
            if (i == s || i - s > 3 || octet > 255 || (octets < 3 && (i == end || buf[i++] != '.'))) {
                return otherAddress(buf, end);
            }
            value = (value << 8) | octet;
        }
        if (!boundary(buf, i, end)) {
            return otherAddress(buf, end);
        }
        address.hi = 0L;
        address.lo = IpAddress.V4_MAPPED_PREFIX | value;
        p = i;
        return true;
    }

    private boolean otherAddress(byte[] buf, int end) {
        int s = p;
        skip(buf, end);
        if (p < 0 || !address.parse(buf, s, p)) {
            p = -1;
            address.hi = address.lo = 0;
            return false;
        }
        return true;
    }

    /** FNV-1a of the value, computed as it is scanned (the hash of {@link ByteFields#fnv1a}). */
    private long hash(byte[] buf, int end) {
        long hash = ByteFields.FNV_OFFSET;
        int i = p;
        int b;
        while (i < end && ByteFields.CLASS[b = buf[i] & 0xFF] == ByteFields.VALUE) {
            hash = (hash ^ b) * ByteFields.FNV_PRIME;
            i++;
        }
        p = boundary(buf, i, end) ? i : -1;
        return hash;
    }

    private byte word(byte[] buf, int end, byte[] a, byte codeA, byte[] b, byte codeB) {
        int s = p;
        skip(buf, end);
        if (p >= 0 && ByteFields.equalsAscii(buf, s, p, a)) {
            return codeA;
        }
        if (p >= 0 && ByteFields.equalsAscii(buf, s, p, b)) {
            return codeB;
        }
        p = -1;
        return 0;
    }

    private byte status(byte[] buf, int end) {
        int s = p;
        skip(buf, end);
        if (p >= 0) {
            if (ByteFields.equalsAscii(buf, s, p, OK)) {
                return FlowRecord.STATUS_OK;
            }
            if (ByteFields.equalsAscii(buf, s, p, NODATA)) {
                return FlowRecord.STATUS_NODATA;
            }
            if (ByteFields.equalsAscii(buf, s, p, SKIPDATA)) {
                return FlowRecord.STATUS_SKIPDATA;
            }
        }
        p = -1;
        return FlowRecord.STATUS_NONE;
    }

    /** Moves {@code p} past a value of printable bytes; {@code -1} when a control byte ends it. */
    private void skip(byte[] buf, int end) {
        int i = p;
        while (i < end && ByteFields.CLASS[buf[i] & 0xFF] == ByteFields.VALUE) {
            i++;
        }
        p = boundary(buf, i, end) ? i : -1;
    }

    private static boolean boundary(byte[] buf, int i, int end) {
        return i == end || ByteFields.CLASS[buf[i] & 0xFF] == ByteFields.SEPARATOR;
    }

    private static int kind(FlowLogField field) {
        if (field == null) {
            return SKIP;
        }
        return switch (field) {
            case VERSION -> VERSION;
            case INTERFACE_ID -> INTERFACE_ID;
            case SRCADDR -> SRCADDR;
            case DSTADDR -> DSTADDR;
            case PKT_SRCADDR -> PKT_SRCADDR;
            case PKT_DSTADDR -> PKT_DSTADDR;
            case SRCPORT -> SRCPORT;
            case DSTPORT -> DSTPORT;
            case PROTOCOL -> PROTOCOL;
            case PACKETS -> PACKETS;
            case BYTES -> BYTES;
            case START -> START;
            case END -> END;
            case ACTION -> ACTION;
            case LOG_STATUS -> LOG_STATUS;
            case TCP_FLAGS -> TCP_FLAGS;
            case FLOW_DIRECTION -> FLOW_DIRECTION;
            case TRAFFIC_PATH -> TRAFFIC_PATH;
            default -> SKIP;
        };
    }
}
