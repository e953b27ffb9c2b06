package io.flowpol.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbAggregationTest {
    /** One connection seen at two ENIs: the request and the reply, whose dstport is the client's ephemeral port. */
    private static final String V2 = String.join("\n",
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status",
            "2 123456789012 eni-a 10.0.1.5 10.0.2.7 41234 8080 6 10 1000 1700000000 1700000060 ACCEPT OK",
            "2 123456789012 eni-b 10.0.2.7 10.0.1.5 8080 41234 6 8 4000 1700000000 1700000060 ACCEPT OK",
            "2 123456789012 eni-a 10.0.1.5 10.0.2.7 41999 8080 6 2 200 1700000060 1700000120 ACCEPT OK",
            "2 123456789012 eni-a - - - - - - - 1700000000 1700000060 - NODATA",
            "");

    @TempDir
    Path dir;

    @Test
    void serverPortGroupsTheRepliesOfAConnectionWithItsRequests() throws Exception {
        Path file = Files.writeString(dir.resolve("v2.log"), V2);
        List<String> byServerPort = groups(DuckDbAggregation.query(file.toString(), DuckDbAggregation.V2_FIELDS, true, true));
        // Both request records are one group (port 8080); the reply (10.0.2.7 -> 10.0.1.5) is its own direction.
        assertEquals(List.of("10.0.1.5 10.0.2.7 8080 2", "10.0.2.7 10.0.1.5 8080 1", "null null null 1"), byServerPort);
    }

    @Test
    void dstportKeepsIssueSevensQueryWhereEachEphemeralPortIsAGroup() throws Exception {
        Path file = Files.writeString(dir.resolve("v2.log"), V2);
        List<String> byDstport = groups(DuckDbAggregation.query(file.toString(), DuckDbAggregation.V2_FIELDS, true, false));
        assertEquals(List.of("10.0.1.5 10.0.2.7 8080 2", "10.0.2.7 10.0.1.5 41234 1", "null null null 1"), byDstport);
    }

    private static List<String> groups(String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = db.createStatement();
                ResultSet r = statement.executeQuery("SELECT * FROM (" + query + ") ORDER BY ALL NULLS LAST")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getLong(5));
            }
        }
        return rows;
    }
}
