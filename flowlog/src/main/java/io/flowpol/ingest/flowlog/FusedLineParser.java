package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.IpAddress;
import java.util.EnumMap;
import java.util.Map;

/**
 * The fast path of {@link FlowLogLineParser} (GitHub issue 7). A line as AWS writes it (values
 * separated by exactly one space, printable ASCII) is first cut into values eight bytes at a
 * time ({@link ValueSplitter}), then each value is converted knowing its length: numbers eight digits at
 * a time, addresses as dotted quads, the interface id hashed a word at a time. Each field's
 * column is looked up once per format, so a line is converted by one straight run of small
 * calls that the JIT inlines, not by a switch per column (issue 7: the switch method was too
 * big to inline and cost a call per value).
 *
 * <p>It accepts only what the checked path accepts and fills the cursor exactly as it does; on
 * anything unusual (a tab, repeated spaces, a control or non-ASCII byte, a bad or over-long
 * value, a wrong number of values) it returns false and the checked path parses the line again,
 * so that problems keep their exact wording (file, line, field, expected, found).
 */
final class FusedLineParser {
    /** As the checked path: at most 18 digits, so a value always fits a long. */
    private static final int MAX_DIGITS = 18;
    private static final long MAX_EPOCH_SECONDS = 100_000_000_000L;
    private static final long TEN_TO_EIGHT = 100_000_000L;
    /** A number that did not parse; every valid value is at least 0. */
    private static final long BAD = -1;

    /** The column of each field, -1 when the format lacks it. */
    private final int versionColumn;
    private final int interfaceIdColumn;
    private final int srcAddrColumn;
    private final int dstAddrColumn;
    private final int pktSrcAddrColumn;
    private final int pktDstAddrColumn;
    private final int srcPortColumn;
    private final int dstPortColumn;
    private final int protocolColumn;
    private final int packetsColumn;
    private final int bytesColumn;
    private final int startColumn;
    private final int endColumn;
    private final int actionColumn;
    private final int logStatusColumn;
    private final int tcpFlagsColumn;
    private final int flowDirectionColumn;
    private final int trafficPathColumn;
    /** False when a field appears twice (an odd header): the checked path then handles every line. */
    private final boolean usable;
    private final ValueSplitter splitter;
    /** The splitter's value bounds, read per field: start (inclusive) and end (exclusive). */
    private final int[] starts;
    private final int[] ends;
    private final AddressBytes address = new AddressBytes();

    FusedLineParser(FlowLogFormat format) {
        int columns = format.columnCount();
        Map<FlowLogField, Integer> at = new EnumMap<>(FlowLogField.class);
        boolean unique = true;
        for (int i = 0; i < columns; i++) {
            FlowLogField field = format.column(i);
            if (field != null) {
                unique &= at.put(field, i) == null;
            }
        }
        usable = unique && columns > 0;
        versionColumn = at.getOrDefault(FlowLogField.VERSION, -1);
        interfaceIdColumn = at.getOrDefault(FlowLogField.INTERFACE_ID, -1);
        srcAddrColumn = at.getOrDefault(FlowLogField.SRCADDR, -1);
        dstAddrColumn = at.getOrDefault(FlowLogField.DSTADDR, -1);
        pktSrcAddrColumn = at.getOrDefault(FlowLogField.PKT_SRCADDR, -1);
        pktDstAddrColumn = at.getOrDefault(FlowLogField.PKT_DSTADDR, -1);
        srcPortColumn = at.getOrDefault(FlowLogField.SRCPORT, -1);
        dstPortColumn = at.getOrDefault(FlowLogField.DSTPORT, -1);
        protocolColumn = at.getOrDefault(FlowLogField.PROTOCOL, -1);
        packetsColumn = at.getOrDefault(FlowLogField.PACKETS, -1);
        bytesColumn = at.getOrDefault(FlowLogField.BYTES, -1);
        startColumn = at.getOrDefault(FlowLogField.START, -1);
        endColumn = at.getOrDefault(FlowLogField.END, -1);
        actionColumn = at.getOrDefault(FlowLogField.ACTION, -1);
        logStatusColumn = at.getOrDefault(FlowLogField.LOG_STATUS, -1);
        tcpFlagsColumn = at.getOrDefault(FlowLogField.TCP_FLAGS, -1);
        flowDirectionColumn = at.getOrDefault(FlowLogField.FLOW_DIRECTION, -1);
        trafficPathColumn = at.getOrDefault(FlowLogField.TRAFFIC_PATH, -1);
        splitter = new ValueSplitter(columns);
        starts = splitter.starts;
        ends = splitter.ends;
    }

    /** Fills {@code out} from a well-formed line and returns true, or returns false leaving {@code out} partly filled. */
    boolean parse(byte[] buf, int lineStart, int lineEnd, FlowRecord out) {
        if (!usable || !splitter.split(buf, lineStart, lineEnd)) {
            return false;
        }
        out.clear();
        // Absent ('-') values keep the cleared defaults; each step is false when its value does not parse.
        long numbers = 0;
        if (versionColumn >= 0 && !absent(buf, versionColumn)) {
            numbers |= out.version = (int) number(buf, versionColumn, 255);
        }
        if (interfaceIdColumn >= 0 && !absent(buf, interfaceIdColumn)) {
            out.interfaceId = ByteFields.valueKey(buf, starts[interfaceIdColumn], ends[interfaceIdColumn]);
            out.hasInterfaceId = true;
        }
        if (srcAddrColumn >= 0 && !absent(buf, srcAddrColumn)) {
            if (!address(buf, srcAddrColumn)) {
                return false;
            }
            out.hasSrcAddr = true;
            out.srcHi = address.hi;
            out.srcLo = address.lo;
        }
        if (dstAddrColumn >= 0 && !absent(buf, dstAddrColumn)) {
            if (!address(buf, dstAddrColumn)) {
                return false;
            }
            out.hasDstAddr = true;
            out.dstHi = address.hi;
            out.dstLo = address.lo;
        }
        if (pktSrcAddrColumn >= 0 && !absent(buf, pktSrcAddrColumn)) {
            if (!address(buf, pktSrcAddrColumn)) {
                return false;
            }
            out.hasPktSrcAddr = true;
            out.pktSrcHi = address.hi;
            out.pktSrcLo = address.lo;
        }
        if (pktDstAddrColumn >= 0 && !absent(buf, pktDstAddrColumn)) {
            if (!address(buf, pktDstAddrColumn)) {
                return false;
            }
            out.hasPktDstAddr = true;
            out.pktDstHi = address.hi;
            out.pktDstLo = address.lo;
        }
        if (srcPortColumn >= 0 && !absent(buf, srcPortColumn)) {
            numbers |= out.srcPort = (int) number(buf, srcPortColumn, 65535);
        }
        if (dstPortColumn >= 0 && !absent(buf, dstPortColumn)) {
            numbers |= out.dstPort = (int) number(buf, dstPortColumn, 65535);
        }
        if (protocolColumn >= 0 && !absent(buf, protocolColumn)) {
            numbers |= out.protocol = (int) number(buf, protocolColumn, 255);
        }
        if (packetsColumn >= 0 && !absent(buf, packetsColumn)) {
            numbers |= out.packets = number(buf, packetsColumn, Long.MAX_VALUE);
        }
        if (bytesColumn >= 0 && !absent(buf, bytesColumn)) {
            numbers |= out.bytes = number(buf, bytesColumn, Long.MAX_VALUE);
        }
        if (startColumn >= 0 && !absent(buf, startColumn)) {
            numbers |= out.startMillis = seconds(buf, startColumn);
        }
        if (endColumn >= 0 && !absent(buf, endColumn)) {
            numbers |= out.endMillis = seconds(buf, endColumn);
        }
        if (tcpFlagsColumn >= 0 && !absent(buf, tcpFlagsColumn)) {
            numbers |= out.tcpFlags = (int) number(buf, tcpFlagsColumn, 255);
        }
        if (trafficPathColumn >= 0 && !absent(buf, trafficPathColumn)) {
            numbers |= out.trafficPath = (int) number(buf, trafficPathColumn, 255);
        }
        // One test for all numbers: BAD (-1) in any of them makes the OR negative. A record that
        // ends before it starts (issue 12, item 8) goes to the checked path, which reports it.
        return numbers >= 0 && (out.endMillis < 0 || out.startMillis <= out.endMillis) && words(buf, out);
    }

    /** The fixed-word fields; false when one holds another word. */
    private boolean words(byte[] buf, FlowRecord out) {
        if (actionColumn >= 0 && !absent(buf, actionColumn)) {
            out.action = FlowLogWords.action(buf, starts[actionColumn], ends[actionColumn]);
            if (out.action == FlowRecord.ACTION_NONE) {
                return false;
            }
        }
        if (logStatusColumn >= 0 && !absent(buf, logStatusColumn)) {
            out.logStatus = FlowLogWords.logStatus(buf, starts[logStatusColumn], ends[logStatusColumn]);
            if (out.logStatus == FlowRecord.STATUS_NONE) {
                return false;
            }
        }
        if (flowDirectionColumn >= 0 && !absent(buf, flowDirectionColumn)) {
            out.flowDirection = FlowLogWords.direction(buf, starts[flowDirectionColumn], ends[flowDirectionColumn]);
            return out.flowDirection != FlowRecord.DIRECTION_NONE;
        }
        return true;
    }

    /** Whether the value of the column is '-', AWS's mark for a field with no value. */
    private boolean absent(byte[] buf, int column) {
        int s = starts[column];
        return ends[column] - s == 1 && buf[s] == '-';
    }

    /** The column's unsigned decimal if at most {@code max}, else {@link #BAD}. */
    private long number(byte[] buf, int column, long max) {
        int e = ends[column];
        int length = e - starts[column];
        long value;
        if (length <= 8 && e >= Long.BYTES) {
            value = Swar.digits(buf, e, length);
        } else if (length <= 16 && e >= 2 * Long.BYTES) {
            long high = Swar.digits(buf, e - 8, length - 8);
            long low = Swar.digits(buf, e, 8);
            value = (high | low) < 0 ? BAD : high * TEN_TO_EIGHT + low;
        } else {
            value = slowNumber(buf, starts[column], e);
        }
        return value > max ? BAD : value;
    }

    /** Long values and values at the very start of the buffer, where no word ends before them. */
    private static long slowNumber(byte[] buf, int s, int e) {
        return e - s <= MAX_DIGITS ? ByteFields.parseUnsigned(buf, s, e) : BAD;
    }

    private long seconds(byte[] buf, int column) {
        long value = number(buf, column, MAX_EPOCH_SECONDS);
        return value < 0 ? BAD : value * 1000L;
    }

    /** A dotted quad ({@link AddressBytes#parseV4}, no scan for ':' first); any other text (IPv6) goes through {@link AddressBytes}. */
    private boolean address(byte[] buf, int column) {
        int s = starts[column];
        int e = ends[column];
        long v4 = AddressBytes.parseV4(buf, s, e);
        if (v4 < 0) {
            return otherAddress(buf, s, e);
        }
        address.hi = 0L;
        address.lo = IpAddress.V4_MAPPED_PREFIX | v4;
        return true;
    }

    private boolean otherAddress(byte[] buf, int s, int e) {
        if (!address.parse(buf, s, e)) {
            address.hi = address.lo = 0;
            return false;
        }
        return true;
    }
}
