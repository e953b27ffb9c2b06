package io.flowpol.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs the issue-7 baseline query over one v2 flow-log file (plain or gzip, DuckDB decides by
 * the name) in an in-memory DuckDB and prints its wall time, the groups and the records it
 * counted, so that a run can be checked against flowpol's record count.
 *
 * <p>Run: {@code java -cp bench/target/classes:bench/target/lib/* io.flowpol.bench.DuckDbAggregation
 * FILE [threads]}; {@code threads} defaults to DuckDB's own choice (all cores).
 */
public final class DuckDbAggregation {
    /**
     * The v2 default format (DESIGN.md fact 8) with explicit types, so DuckDB neither sniffs nor
     * guesses; {@code -} is the flow log's "no value" (NODATA and SKIPDATA records).
     */
    static final String V2_COLUMNS = "{'version': 'INTEGER', 'account-id': 'VARCHAR', 'interface-id': 'VARCHAR',"
            + " 'srcaddr': 'VARCHAR', 'dstaddr': 'VARCHAR', 'srcport': 'INTEGER', 'dstport': 'INTEGER',"
            + " 'protocol': 'INTEGER', 'packets': 'BIGINT', 'bytes': 'BIGINT', 'start': 'BIGINT', 'end': 'BIGINT',"
            + " 'action': 'VARCHAR', 'log-status': 'VARCHAR'}";

    private DuckDbAggregation() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: DuckDbAggregation FILE [threads]");
            System.exit(2);
        }
        long began = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = db.createStatement()) {
            if (args.length == 2) {
                statement.execute("SET threads = " + Integer.parseInt(args[1]));
            }
            long groups = 0;
            long records = 0;
            try (ResultSet rows = statement.executeQuery(query(args[0]))) {
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

    /** The bare equivalent of flowpol's edge aggregation, as issue 7 states it. */
    static String query(String file) {
        return "SELECT srcaddr, dstaddr, dstport, protocol, count(*), sum(packets), sum(bytes)"
                + " FROM read_csv('" + file.replace("'", "''") + "', delim = ' ', header = true, nullstr = '-',"
                + " columns = " + V2_COLUMNS + ")"
                + " GROUP BY ALL";
    }
}
