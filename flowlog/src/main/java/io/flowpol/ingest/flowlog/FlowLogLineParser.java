package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;

/**
 * Parses one flow-log line of a known {@link FlowLogFormat} into the reused
 * {@link FlowRecord} cursor. Used per line by {@link FlowLogReader} and per event for
 * CloudWatch Logs, where each event is one record and there is no header (DESIGN.md fact 8).
 *
 * <p>One pass over the bytes: values are split on spaces and each is converted in place by
 * its column's field; nothing is allocated on the good path (STYLE.md habit 5). Not thread-safe.
 */
public final class FlowLogLineParser {
    /** Epoch seconds below this (year 5138) cannot overflow when turned into milliseconds. */
    private static final long MAX_EPOCH_SECONDS = 100_000_000_000L;

    private final FlowLogFormat format;
    private final FlowLogField[] columns;
    private final AddressBytes address = new AddressBytes();
    private final FieldProblem problem = new FieldProblem();
    private final FusedLineParser fused;

    public FlowLogLineParser(FlowLogFormat format) {
        if (format == null) {
            throw new IllegalArgumentException("format == null");
        }
        this.format = format;
        this.columns = new FlowLogField[format.columnCount()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = format.column(i);
        }
        this.fused = new FusedLineParser(format);
    }

    public FlowLogFormat format() {
        return format;
    }

    /** Why the last {@link #parse} returned false; overwritten by the next call. */
    public FieldProblem problem() {
        return problem;
    }

    /**
     * Clears {@code out} and fills it from the line in {@code buf[start, end)} (no line
     * terminator). {@code -} leaves a field absent. Returns false, with {@link #problem()}
     * set, when the line has the wrong number of values or a value does not parse; {@code out}
     * is then partly filled and must not be used. {@code sourceId} and {@code line} are left
     * 0 for the caller to set.
     */
    public boolean parse(byte[] buf, int start, int end, FlowRecord out) {
        if (fused.parse(buf, start, end, out)) {
            problem.reset();
            return true;
        }
        return parseChecked(buf, start, end, out);
    }

    /** The checked path: splits, then converts each value, and says exactly what is wrong. */
    boolean parseChecked(byte[] buf, int start, int end, FlowRecord out) {
        out.clear();
        problem.reset();
        int p = start;
        int column = 0;
        while (true) {
            while (p < end && ByteFields.CLASS[buf[p] & 0xFF] == ByteFields.SEPARATOR) {
                p++;
            }
            if (p >= end) {
                break;
            }
            int valueStart = p;
            while (p < end && ByteFields.CLASS[buf[p] & 0xFF] == ByteFields.VALUE) {
                p++;
            }
            if (p < end && ByteFields.CLASS[buf[p] & 0xFF] == ByteFields.CONTROL) {
                return controlByte(buf, start, end, column);
            }
            if (column == columns.length) {
                return wrongCount(buf, start, end);
            }
            FlowLogField field = columns[column];
            if (field != null && !(p - valueStart == 1 && buf[valueStart] == '-')
                    && !parseValue(field, buf, valueStart, p, out)) {
                return countOrValueProblem(buf, start, end);
            }
            column++;
        }
        if (column != columns.length) {
            return wrongCount(buf, start, end);
        }
        return out.endMillis < 0 || out.startMillis <= out.endMillis || endBeforeStart(out);
    }

    /** A record whose interval ends before it starts is corrupt: its time cannot be trusted (issue 12, item 8). */
    private boolean endBeforeStart(FlowRecord out) {
        problem.setText(FlowLogField.END.awsName(), "a time at or after start (" + out.startMillis / 1000 + ")",
                String.valueOf(out.endMillis / 1000));
        return false;
    }

    /** Converts one present value; false with {@link #problem} set when it does not parse. */
    private boolean parseValue(FlowLogField field, byte[] buf, int s, int e, FlowRecord out) {
        switch (field) {
            case VERSION -> out.version = (int) number(field, buf, s, e, 255, "a version number");
            case INTERFACE_ID -> {
                out.interfaceId = ByteFields.valueKey(buf, s, e);
                out.hasInterfaceId = true;
            }
            case SRCADDR -> {
                out.hasSrcAddr = address(field, buf, s, e);
                out.srcHi = address.hi;
                out.srcLo = address.lo;
            }
            case DSTADDR -> {
                out.hasDstAddr = address(field, buf, s, e);
                out.dstHi = address.hi;
                out.dstLo = address.lo;
            }
            case PKT_SRCADDR -> {
                out.hasPktSrcAddr = address(field, buf, s, e);
                out.pktSrcHi = address.hi;
                out.pktSrcLo = address.lo;
            }
            case PKT_DSTADDR -> {
                out.hasPktDstAddr = address(field, buf, s, e);
                out.pktDstHi = address.hi;
                out.pktDstLo = address.lo;
            }
            case SRCPORT -> out.srcPort = (int) number(field, buf, s, e, 65535, "a port 0-65535");
            case DSTPORT -> out.dstPort = (int) number(field, buf, s, e, 65535, "a port 0-65535");
            case PROTOCOL -> out.protocol = (int) number(field, buf, s, e, 255, "an IANA protocol number 0-255");
            case PACKETS -> out.packets = number(field, buf, s, e, Long.MAX_VALUE, "a packet count");
            case BYTES -> out.bytes = number(field, buf, s, e, Long.MAX_VALUE, "a byte count");
            case START -> out.startMillis = seconds(field, buf, s, e);
            case END -> out.endMillis = seconds(field, buf, s, e);
            case ACTION -> out.action = action(buf, s, e);
            case LOG_STATUS -> out.logStatus = logStatus(buf, s, e);
            case TCP_FLAGS -> out.tcpFlags = (int) number(field, buf, s, e, 255, "TCP flags 0-255");
            case FLOW_DIRECTION -> out.flowDirection = direction(buf, s, e);
            case TRAFFIC_PATH -> out.trafficPath = (int) number(field, buf, s, e, 255, "a traffic-path code");
            default -> {
                // Recognised but not carried by FlowRecord: skipped unread.
            }
        }
        return problem.field() == null;
    }

    private long number(FlowLogField field, byte[] buf, int s, int e, long max, String expected) {
        long value = ByteFields.parseUnsigned(buf, s, e);
        if (value < 0 || value > max) {
            problem.set(field.awsName(), expected, s, e);
            return -1;
        }
        return value;
    }

    private long seconds(FlowLogField field, byte[] buf, int s, int e) {
        long value = number(field, buf, s, e, MAX_EPOCH_SECONDS, "epoch seconds");
        return value < 0 ? -1 : value * 1000L;
    }

    private boolean address(FlowLogField field, byte[] buf, int s, int e) {
        if (address.parse(buf, s, e)) {
            return true;
        }
        problem.set(field.awsName(), "an IPv4 or IPv6 address", s, e);
        address.hi = address.lo = 0;
        return false;
    }

    private byte action(byte[] buf, int s, int e) {
        byte code = FlowLogWords.action(buf, s, e);
        if (code == FlowRecord.ACTION_NONE) {
            problem.set(FlowLogField.ACTION.awsName(), "ACCEPT or REJECT", s, e);
        }
        return code;
    }

    private byte logStatus(byte[] buf, int s, int e) {
        byte code = FlowLogWords.logStatus(buf, s, e);
        if (code == FlowRecord.STATUS_NONE) {
            problem.set(FlowLogField.LOG_STATUS.awsName(), "OK, NODATA or SKIPDATA", s, e);
        }
        return code;
    }

    private byte direction(byte[] buf, int s, int e) {
        byte code = FlowLogWords.direction(buf, s, e);
        if (code == FlowRecord.DIRECTION_NONE) {
            problem.set(FlowLogField.FLOW_DIRECTION.awsName(), "ingress or egress", s, e);
        }
        return code;
    }

    /**
     * A bad value on a line with the wrong number of values is most likely a shifted column:
     * report the count, which names the real cause, instead of the symptom.
     */
    private boolean countOrValueProblem(byte[] buf, int start, int end) {
        if (countValues(buf, start, end) != columns.length) {
            return wrongCount(buf, start, end);
        }
        return false;
    }

    private boolean wrongCount(byte[] buf, int start, int end) {
        int count = countValues(buf, start, end);
        problem.setText("line", columns.length + " space-separated values (" + format + ")",
                count + " values: '" + ByteFields.printable(buf, start, end, FieldProblem.MAX_FOUND) + "'");
        return false;
    }

    private boolean controlByte(byte[] buf, int start, int end, int column) {
        String field = column < columns.length && columns[column] != null ? columns[column].awsName() : "line";
        problem.setText(field, "printable text", "binary data: '"
                + ByteFields.printable(buf, start, end, FieldProblem.MAX_FOUND) + "'");
        return false;
    }

    private static int countValues(byte[] buf, int start, int end) {
        int count = 0;
        boolean inValue = false;
        for (int i = start; i < end; i++) {
            boolean separator = ByteFields.CLASS[buf[i] & 0xFF] == ByteFields.SEPARATOR;
            if (!separator && !inValue) {
                count++;
            }
            inValue = !separator;
        }
        return count;
    }
}
