package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.IpAddress;
import java.nio.charset.StandardCharsets;

/**
 * The fast path of {@link FlowLogLineParser} (GitHub issue 7). A line as AWS writes it (values
 * separated by exactly one space, printable ASCII) is first cut into values eight bytes at a
 * time ({@link Swar}), then each value is converted knowing its length: numbers eight digits at
 * a time, addresses as dotted quads, the interface id hashed a word at a time.
 *
 * <p>It accepts only what the checked path accepts and fills the cursor exactly as it does; on
 * anything unusual (a tab, repeated spaces, a control or non-ASCII byte, a bad or over-long
 * value, a wrong number of values) it returns false and the checked path parses the line again,
 * so that problems keep their exact wording (file, line, field, expected, found).
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
    private static final long TEN_TO_EIGHT = 100_000_000L;
    /** Longer lines (no AWS format comes near) take the checked path. */
    private static final int MAX_FAST_LINE = 512;
    private static final long FILLER = 0x6161_6161_6161_6161L;

    /** What each column holds, as a small int so that the per-value dispatch is a jump table. */
    private final int[] kinds;
    /** End (exclusive) of each value of the line being parsed. */
    private final int[] ends;
    /** One bit per byte of the line, set where a space is (bit {@code b & 63} of word {@code b >> 6}). */
    private final long[] spaceBits = new long[MAX_FAST_LINE / Long.SIZE];
    private final AddressBytes address = new AddressBytes();
    /** The last value {@link #number} returned, so that {@link #value} can tell -1 from a stored number. */
    private long lastNumber;

    FusedLineParser(FlowLogFormat format) {
        kinds = new int[format.columnCount()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = kind(format.column(i));
        }
        ends = new int[kinds.length];
    }

    /** Fills {@code out} from a well-formed line and returns true, or returns false leaving {@code out} partly filled. */
    boolean parse(byte[] buf, int start, int end, FlowRecord out) {
        if (!split(buf, start, end)) {
            return false;
        }
        out.clear();
        int s = start;
        for (int column = 0; column < kinds.length; column++) {
            int e = ends[column];
            if (e == s) {
                return false;
            }
            if ((e - s != 1 || buf[s] != '-') && !value(kinds[column], buf, s, e, out)) {
                return false;
            }
            s = e + 1;
        }
        return true;
    }

    /**
     * Records where each value ends; false unless the line holds exactly one value per column
     * separated by single spaces and only printable ASCII (empty values are caught by the caller).
     * The spaces are first gathered into a bitmap, one bit per byte, and their positions taken
     * from it in one loop whose length is the column count: a branch per space found inside
     * each word was a mispredicted branch per word (issue 7: a third of the parse).
     */
    private boolean split(byte[] buf, int start, int end) {
        int length = end - start;
        if (length > MAX_FAST_LINE) {
            return false;
        }
        long[] bits = spaceBits;
        int words = (length + Long.BYTES - 1) >>> 3;
        long unusual = 0;
        int spaces = 0;
        long block = 0;
        for (int k = 0; k < words; k++) {
            int i = start + (k << 3);
            long w = i + Long.BYTES <= end ? Swar.word(buf, i) : tail(buf, i, end);
            unusual |= Swar.unusual(w);
            long flags = Swar.spaces(w);
            spaces += Long.bitCount(flags);
            // Gathers the eight flag bits (bit 7 of each byte) into bits 56-63, lowest address lowest.
            block |= (((flags >>> 7) * 0x0102_0408_1020_4080L) >>> 56) << ((k & 7) << 3);
            if ((k & 7) == 7) {
                bits[k >>> 3] = block;
                block = 0;
            }
        }
        if ((words & 7) != 0) {
            bits[words >>> 3] = block;
        }
        int last = ends.length - 1;
        if (unusual != 0 || spaces != last) {
            return false;
        }
        int[] at = ends;
        int index = 0;
        long mask = bits[0];
        for (int c = 0; c < last; c++) {
            while (mask == 0) {
                mask = bits[++index];
            }
            at[c] = start + (index << 6) + Long.numberOfTrailingZeros(mask);
            mask &= mask - 1;
        }
        at[last] = end;
        return true;
    }

    /**
     * The last, partial word of a line, with the bytes past its end read as value bytes ('a'),
     * so that whatever follows the line in the buffer neither counts as a space nor as unusual.
     */
    private static long tail(byte[] buf, int i, int end) {
        int kept = end - i;
        long keep = -1L >>> ((Long.BYTES - kept) << 3);
        long w = 0;
        if (i + Long.BYTES <= buf.length) {
            w = Swar.word(buf, i);
        } else {
            for (int k = end - 1; k >= i; k--) {
                w = (w << 8) | (buf[k] & 0xFF);
            }
        }
        return (w & keep) | (FILLER & ~keep);
    }

    /** Converts the value {@code [s, e)}; false to fall back to the checked path. */
    private boolean value(int kind, byte[] buf, int s, int e, FlowRecord out) {
        switch (kind) {
            case VERSION -> out.version = (int) number(buf, s, e, 255);
            case INTERFACE_ID -> {
                out.interfaceId = ByteFields.valueKey(buf, s, e);
                out.hasInterfaceId = true;
                return true;
            }
            case SRCADDR -> {
                out.hasSrcAddr = address(buf, s, e);
                out.srcHi = address.hi;
                out.srcLo = address.lo;
                return out.hasSrcAddr;
            }
            case DSTADDR -> {
                out.hasDstAddr = address(buf, s, e);
                out.dstHi = address.hi;
                out.dstLo = address.lo;
                return out.hasDstAddr;
            }
            case PKT_SRCADDR -> {
                out.hasPktSrcAddr = address(buf, s, e);
                out.pktSrcHi = address.hi;
                out.pktSrcLo = address.lo;
                return out.hasPktSrcAddr;
            }
            case PKT_DSTADDR -> {
                out.hasPktDstAddr = address(buf, s, e);
                out.pktDstHi = address.hi;
                out.pktDstLo = address.lo;
                return out.hasPktDstAddr;
            }
            case SRCPORT -> out.srcPort = (int) number(buf, s, e, 65535);
            case DSTPORT -> out.dstPort = (int) number(buf, s, e, 65535);
            case PROTOCOL -> out.protocol = (int) number(buf, s, e, 255);
            case PACKETS -> out.packets = number(buf, s, e, Long.MAX_VALUE);
            case BYTES -> out.bytes = number(buf, s, e, Long.MAX_VALUE);
            case START -> out.startMillis = seconds(buf, s, e);
            case END -> out.endMillis = seconds(buf, s, e);
            case ACTION -> {
                out.action = word(buf, s, e, ACCEPT, FlowRecord.ACTION_ACCEPT, REJECT, FlowRecord.ACTION_REJECT);
                return out.action != 0;
            }
            case LOG_STATUS -> {
                out.logStatus = status(buf, s, e);
                return out.logStatus != FlowRecord.STATUS_NONE;
            }
            case TCP_FLAGS -> out.tcpFlags = (int) number(buf, s, e, 255);
            case FLOW_DIRECTION -> {
                out.flowDirection = word(buf, s, e, INGRESS, FlowRecord.DIRECTION_INGRESS,
                        EGRESS, FlowRecord.DIRECTION_EGRESS);
                return out.flowDirection != 0;
            }
            case TRAFFIC_PATH -> out.trafficPath = (int) number(buf, s, e, 255);
            default -> {
                return true;
            }
        }
        // Every case that falls through here stored a number: -1 means it did not parse.
        return lastNumber >= 0;
    }

    /** The unsigned decimal {@code [s, e)} if at most {@code max}, else -1 (also kept in {@link #lastNumber}). */
    private long number(byte[] buf, int s, int e, long max) {
        int length = e - s;
        long value;
        if (length <= 8 && e >= Long.BYTES) {
            value = Swar.digits(buf, e, length);
        } else if (length <= 16 && e >= 2 * Long.BYTES) {
            long high = Swar.digits(buf, e - 8, length - 8);
            long low = Swar.digits(buf, e, 8);
            value = high < 0 || low < 0 ? -1 : high * TEN_TO_EIGHT + low;
        } else {
            value = length <= MAX_DIGITS ? ByteFields.parseUnsigned(buf, s, e) : -1;
        }
        if (value > max) {
            value = -1;
        }
        lastNumber = value;
        return value;
    }

    private long seconds(byte[] buf, int s, int e) {
        long value = number(buf, s, e, MAX_EPOCH_SECONDS);
        return value < 0 ? -1 : value * 1000L;
    }

    /** A dotted quad read in one pass; any other text (IPv6) goes through {@link AddressBytes}. */
    private boolean address(byte[] buf, int s, int e) {
        int i = s;
        long value = 0;
        for (int octets = 0; octets < 4; octets++) {
            int from = i;
            int octet = 0;
            int digit;
            while (i < e && (digit = buf[i] - '0') >= 0 && digit <= 9) {
                octet = octet * 10 + digit;
                i++;
            }
            if (i == from || i - from > 3 || octet > 255 || (octets < 3 && (i == e || buf[i++] != '.'))) {
                return otherAddress(buf, s, e);
            }
            value = (value << 8) | octet;
        }
        if (i != e) {
            return otherAddress(buf, s, e);
        }
        address.hi = 0L;
        address.lo = IpAddress.V4_MAPPED_PREFIX | value;
        return true;
    }

    private boolean otherAddress(byte[] buf, int s, int e) {
        if (!address.parse(buf, s, e)) {
            address.hi = address.lo = 0;
            return false;
        }
        return true;
    }

    private static byte word(byte[] buf, int s, int e, byte[] a, byte codeA, byte[] b, byte codeB) {
        if (ByteFields.equalsAscii(buf, s, e, a)) {
            return codeA;
        }
        if (ByteFields.equalsAscii(buf, s, e, b)) {
            return codeB;
        }
        return 0;
    }

    private static byte status(byte[] buf, int s, int e) {
        if (ByteFields.equalsAscii(buf, s, e, OK)) {
            return FlowRecord.STATUS_OK;
        }
        if (ByteFields.equalsAscii(buf, s, e, NODATA)) {
            return FlowRecord.STATUS_NODATA;
        }
        if (ByteFields.equalsAscii(buf, s, e, SKIPDATA)) {
            return FlowRecord.STATUS_SKIPDATA;
        }
        return FlowRecord.STATUS_NONE;
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
