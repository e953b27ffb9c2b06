package io.flowpol.ingest.cloudwatch;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InputException;
import io.flowpol.ingest.flowlog.FlowLogField;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import io.flowpol.ingest.flowlog.FlowLogLineParser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns one aggregated Insights row into a synthetic {@link FlowRecord} by writing it back as a
 * flow-log line of the same format and parsing that with the record-mode parser: hashing of
 * interface ids, address parsing and sentinels are then the same in both modes by construction.
 */
final class InsightsRecords {
    /**
     * Stands for the client's ephemeral port the query dropped: inside both the Linux range
     * (32768–60999) and the IANA dynamic range (49152–65535), so direction evidence (DESIGN.md
     * fact 7) still sees an ephemeral client, and equal in the request and reply rows of a flow.
     */
    static final int EPHEMERAL_PORT = 49152;

    private final FlowLogFormat format;
    private final FlowLogLineParser parser;
    private final StringBuilder line = new StringBuilder(256);

    InsightsRecords(FlowLogFormat format) {
        this.format = format;
        this.parser = new FlowLogLineParser(format);
    }

    /**
     * Fills {@code out} from {@code row} (field name → value); {@code status} is "OK" for a
     * traffic row, null for a status row (which carries its own v_log_status).
     *
     * @throws InputException naming {@code where:rowNumber} when AWS returned a value the
     *     format's parser rejects
     */
    void fill(Map<String, String> row, boolean traffic, String where, long rowNumber, FlowRecord out) {
        line.setLength(0);
        for (int i = 0; i < format.columnCount(); i++) {
            if (i > 0) {
                line.append(' ');
            }
            line.append(value(format.column(i), i, row, traffic));
        }
        byte[] bytes = line.toString().getBytes(StandardCharsets.US_ASCII);
        if (!parser.parse(bytes, 0, bytes.length, out)) {
            throw new InputException(parser.problem().toInputProblem(where, rowNumber, bytes));
        }
    }

    private static String value(FlowLogField field, int column, Map<String, String> row, boolean traffic) {
        if (field == null) {
            return "-";
        }
        return switch (field) {
            case SRCPORT -> traffic ? port(row.get(InsightsQuery.SRC_PORT)) : "-";
            case DSTPORT -> traffic ? port(row.get(InsightsQuery.DST_PORT)) : "-";
            case PACKETS -> traffic ? integer(row.get(InsightsQuery.PACKETS)) : "-";
            case BYTES -> traffic ? integer(row.get(InsightsQuery.BYTES)) : "-";
            case START -> integer(row.get(InsightsQuery.FIRST));
            case END -> integer(row.get(InsightsQuery.LAST));
            case LOG_STATUS -> traffic ? "OK" : text(row.get(InsightsQuery.name(field, column)));
            default -> text(row.get(InsightsQuery.name(field, column)));
        };
    }

    private static String port(String value) {
        String port = integer(value);
        return "-1".equals(port) ? Integer.toString(EPHEMERAL_PORT) : port;
    }

    /** Insights may render sums as {@code 1.2E7} or {@code 60.0}; the parser wants plain digits. */
    private static String integer(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        try {
            return new BigDecimal(value).toBigInteger().toString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String text(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
