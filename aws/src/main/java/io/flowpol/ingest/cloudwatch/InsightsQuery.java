package io.flowpol.ingest.cloudwatch;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.ingest.flowlog.FlowLogField;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The two Logs Insights queries that make AWS aggregate a format's flow-log events server-side:
 * {@link #traffic()} over {@code OK} records and {@link #status()} over NODATA/SKIPDATA ones.
 *
 * <p>Every field is extracted with {@code parse @message} and a glob of one {@code *} per
 * column, so custom formats work (Insights only auto-discovers the v2 default fields). Parsed
 * fields are named {@code v_<field>} ({@code v_pkt_srcaddr}) so that none collides with a
 * query keyword ({@code start}, {@code end}).
 *
 * <p><b>Ports.</b> What makes rows numerous is the client's ephemeral port: one row per
 * connection instead of one per service. The query keeps a port unless it is the only one of
 * the two in 32768–65535 (the Linux ephemeral range 32768–60999 of every EKS pod client, and the
 * IANA/Windows/macOS range 49152–65535, DESIGN.md fact 7); that port becomes {@code -1}. Insights
 * has no conditional expression, so this is arithmetic: {@code e = floor(port / 32768)} is 1 in
 * that range, and {@code (port + 1) * (1 - e_this * (1 - e_other)) - 1} is -1 exactly when this
 * port alone is ephemeral. When both or neither are in the range both ports are kept (exact,
 * just not reduced).
 *
 * <p><b>tcp-flags.</b> Insights has no bitwise OR, so flags are a grouping key instead: each
 * distinct flags value (a handful: 0, 2, 18, 19, 3, ...) is its own row, which keeps every
 * record's flags exact and lets inference OR them as it would over raw records.
 */
final class InsightsQuery {
    /** Fields without which pushdown cannot be exact; pkt-* for DESIGN.md fact 2. */
    static final Set<FlowLogField> REQUIRED = EnumSet.of(FlowLogField.INTERFACE_ID, FlowLogField.SRCADDR,
            FlowLogField.DSTADDR, FlowLogField.SRCPORT, FlowLogField.DSTPORT, FlowLogField.PROTOCOL,
            FlowLogField.PACKETS, FlowLogField.BYTES, FlowLogField.START, FlowLogField.END, FlowLogField.ACTION,
            FlowLogField.LOG_STATUS, FlowLogField.PKT_SRCADDR, FlowLogField.PKT_DSTADDR);
    /** Fields kept as grouping keys when the format has them: everything FlowRecord carries but sums and ports. */
    private static final List<FlowLogField> KEYS = List.of(FlowLogField.VERSION, FlowLogField.INTERFACE_ID,
            FlowLogField.SRCADDR, FlowLogField.DSTADDR, FlowLogField.PKT_SRCADDR, FlowLogField.PKT_DSTADDR,
            FlowLogField.PROTOCOL, FlowLogField.ACTION, FlowLogField.TCP_FLAGS, FlowLogField.FLOW_DIRECTION,
            FlowLogField.TRAFFIC_PATH);
    static final String SRC_PORT = "k_srcport";
    static final String DST_PORT = "k_dstport";
    static final String COUNT = "n";
    static final String PACKETS = "s_packets";
    static final String BYTES = "s_bytes";
    static final String FIRST = "m_start";
    static final String LAST = "m_end";

    private final FlowLogFormat format;
    private final String parse;
    private final String streamFilter;
    private final long binSeconds;
    private final int maxRows;

    /**
     * @throws InputException when the format lacks a field pushdown needs, naming it and the
     *     way out (record mode, or a custom format with pkt-srcaddr and pkt-dstaddr)
     */
    InsightsQuery(FlowLogFormat format, String streamPrefix, long binSeconds, int maxRows) {
        for (FlowLogField field : REQUIRED) {
            if (!format.has(field)) {
                throw new InputException(InputProblem.error(null, 0, "format", "a flow-log format with "
                        + field.awsName() + " for Logs Insights pushdown (" + why(field) + ")", "'" + format + "'"));
            }
        }
        this.format = format;
        this.binSeconds = binSeconds;
        this.maxRows = maxRows;
        StringJoiner names = new StringJoiner(", ");
        StringBuilder glob = new StringBuilder();
        for (int i = 0; i < format.columnCount(); i++) {
            names.add(name(format.column(i), i));
            glob.append(i == 0 ? "*" : " *");
        }
        this.parse = "parse @message \"" + glob + "\" as " + names;
        this.streamFilter = streamPrefix == null ? "" : "\n| filter @logStream like /^" + regexQuote(streamPrefix) + "/";
    }

    /** The query over OK records: sums, first start, last end per flow key, server port and time bin. */
    String traffic() {
        String src = name(FlowLogField.SRCPORT, -1);
        String dst = name(FlowLogField.DSTPORT, -1);
        StringJoiner by = new StringJoiner(", ");
        for (String key : keys()) {
            by.add(key);
        }
        by.add(SRC_PORT).add(DST_PORT).add("bin(" + binSeconds + "s) as slot");
        return parse + streamFilter
                + "\n| filter " + name(FlowLogField.LOG_STATUS, -1) + " = \"OK\""
                + "\n| fields floor(" + src + " / 32768) as e_src, floor(" + dst + " / 32768) as e_dst"
                + "\n| fields (" + src + " + 1) * (1 - e_src * (1 - e_dst)) - 1 as " + SRC_PORT
                + ", (" + dst + " + 1) * (1 - e_dst * (1 - e_src)) - 1 as " + DST_PORT
                + "\n| stats count(*) as " + COUNT + ", sum(" + name(FlowLogField.PACKETS, -1) + ") as " + PACKETS
                + ", sum(" + name(FlowLogField.BYTES, -1) + ") as " + BYTES
                + ", min(" + name(FlowLogField.START, -1) + ") as " + FIRST
                + ", max(" + name(FlowLogField.END, -1) + ") as " + LAST + " by " + by
                + "\n| limit " + maxRows;
    }

    /** The query over NODATA and SKIPDATA records: one row per interface, status and time bin. */
    String status() {
        String status = name(FlowLogField.LOG_STATUS, -1);
        return parse + streamFilter
                + "\n| filter " + status + " != \"OK\""
                + "\n| stats count(*) as " + COUNT + ", min(" + name(FlowLogField.START, -1) + ") as " + FIRST
                + ", max(" + name(FlowLogField.END, -1) + ") as " + LAST
                + " by " + name(FlowLogField.INTERFACE_ID, -1) + ", " + status + ", bin(" + binSeconds + "s) as slot"
                + "\n| limit " + maxRows;
    }

    /**
     * The result fields every row of {@link #traffic()} must carry: a row without them is
     * malformed (issue 12 item 13), never a record of "-" values.
     */
    List<String> trafficFields() {
        List<String> fields = keys();
        fields.addAll(List.of(SRC_PORT, DST_PORT, COUNT, PACKETS, BYTES, FIRST, LAST));
        return fields;
    }

    /** The result fields every row of {@link #status()} must carry. */
    List<String> statusFields() {
        return List.of(name(FlowLogField.INTERFACE_ID, -1), name(FlowLogField.LOG_STATUS, -1), COUNT, FIRST, LAST);
    }

    /** The grouping keys of {@link #traffic()} that are plain parsed fields, in query order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (FlowLogField field : KEYS) {
            if (format.has(field)) {
                keys.add(name(field, -1));
            }
        }
        return keys;
    }

    private static String why(FlowLogField field) {
        if (field == FlowLogField.PKT_SRCADDR || field == FlowLogField.PKT_DSTADDR) {
            return "without pkt-* fields pod-to-pod flows are only recovered by joining records on both ports, "
                    + "DESIGN.md fact 2, which aggregation would lose: read this log group in record mode, or add "
                    + "${pkt-srcaddr} ${pkt-dstaddr} ${tcp-flags} to the flow log's format";
        }
        return "it is a grouping key or a sum of every aggregated row: read this log group in record mode";
    }

    /** The query name of a parsed column; an ignored header column gets its position. */
    static String name(FlowLogField field, int column) {
        return field == null ? "v_col" + column : "v_" + field.awsName().replace('-', '_');
    }

    private static String regexQuote(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
