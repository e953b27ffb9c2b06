package io.flowpol.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs the issue-7 baseline query over flow-log files (one file, or a glob such as
 * {@code dir/*.log} for per-ENI files; plain or gzip, DuckDB decides by the name) in an
 * in-memory DuckDB and prints its wall time, the groups and the records it counted, so that a
 * run can be checked against flowpol's record count. Issue 13: the same query over the layouts
 * users have, per-ENI files without a header in the default v2 or a custom format.
 *
 * <p>Run: {@code java -cp bench/target/classes:bench/target/lib/* io.flowpol.bench.DuckDbAggregation
 * FILE_OR_GLOB [threads] [--format 'FIELDS'] [--no-header] [--server-port]}; {@code threads} defaults to DuckDB's
 * own choice (all cores), {@code --format} to the v2 default, and a header line is expected
 * unless {@code --no-header} (CloudWatch exports and per-ENI files have none).
 */
public final class DuckDbAggregation {
    /** The v2 default format (DESIGN.md fact 8). */
    static final String V2_FIELDS = "version account-id interface-id srcaddr dstaddr srcport dstport protocol"
            + " packets bytes start end action log-status";
    /** Fields DuckDB reads as numbers; every other field is text. */
    private static final java.util.Set<String> INTEGERS = java.util.Set.of("version", "srcport", "dstport", "protocol",
            "tcp-flags", "type", "sublocation-id");
    private static final java.util.Set<String> BIGINTS = java.util.Set.of("packets", "bytes", "start", "end");

    private DuckDbAggregation() {
    }

    public static void main(String[] args) throws SQLException {
        String file = null;
        String threads = null;
        String fields = V2_FIELDS;
        boolean header = true;
        boolean serverPort = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> fields = i + 1 < args.length ? args[++i] : usage();
                case "--no-header" -> header = false;
                case "--server-port" -> serverPort = true;
                default -> {
                    if (file == null) {
                        file = args[i];
                    } else if (threads == null) {
                        threads = args[i];
                    } else {
                        usage();
                    }
                }
            }
        }
        if (file == null) {
            usage();
        }
        long began = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = db.createStatement()) {
            if (threads != null) {
                statement.execute("SET threads = " + Integer.parseInt(threads));
            }
            long groups = 0;
            long records = 0;
            try (ResultSet rows = statement.executeQuery(query(file, fields, header, serverPort))) {
                while (rows.next()) {
                    groups++;
                    records += rows.getLong(5);
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("duckdb %s: %d groups, %d records in %.3f s%n",
                    db.getMetaData().getDatabaseProductVersion(), groups, records, seconds);
        }
    }

    private static String usage() {
        System.err.println("usage: DuckDbAggregation FILE_OR_GLOB [threads] [--format 'FIELDS'] [--no-header] [--server-port]");
        System.exit(2);
        return null;
    }

    /** The bare equivalent of flowpol's edge aggregation as issue 7 states it (by dstport), over a v2 file with its header. */
    static String query(String file) {
        return query(file, V2_FIELDS, true, false);
    }

    /**
     * Source, destination, port and protocol with counts, packets, bytes and first/last, over
     * files of {@code fields} (the words of a format, {@code ${...}} allowed), with explicit types
     * so DuckDB neither sniffs nor guesses; {@code -} is the flow log's "no value" (NODATA and
     * SKIPDATA records).
     *
     * <p>The port is {@code dstport} (issue 7's query) or, with {@code serverPort}, the lower of
     * {@code srcport} and {@code dstport}: issue 13 groups by "server port", and a client's
     * ephemeral port is the higher one in nearly every connection. The difference is large: by
     * {@code dstport} every reply record is a group of its own (2.4 M groups on the per-ENI bench
     * input against 3,464), which made DuckDB two to three times slower there and flowpol's ratio look
     * better than the issue's measure.
     */
    static String query(String file, String fields, boolean header, boolean serverPort) {
        StringBuilder columns = new StringBuilder("{");
        for (String word : fields.trim().split("\\s+")) {
            String name = word.replace("${", "").replace("}", "");
            String type = INTEGERS.contains(name) ? "INTEGER" : BIGINTS.contains(name) ? "BIGINT" : "VARCHAR";
            columns.append(columns.length() > 1 ? ", " : "").append('\'').append(name).append("': '").append(type).append('\'');
        }
        columns.append('}');
        String port = serverPort ? "least(srcport, dstport) AS port" : "dstport";
        return "SELECT srcaddr, dstaddr, " + port + ", protocol, count(*), sum(packets), sum(bytes), min(start), max(\"end\")"
                + " FROM read_csv('" + file.replace("'", "''") + "', delim = ' ', header = " + header + ", nullstr = '-',"
                + " columns = " + columns + ")"
                + " GROUP BY ALL";
    }
}
