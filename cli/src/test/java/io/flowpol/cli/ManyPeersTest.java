package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 4: a service reached by clients from everywhere and scanned on several ports, none
 * of it resolvable to a pod, gives a report and an edges.json of a reviewable size whose totals are
 * still exact, and the self-check passes.
 */
class ManyPeersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START = Instant.parse("2026-11-30T10:05:00Z").getEpochSecond();
    private static final int[] SCANNED = {22, 23, 3389, 8080, 443};

    @TempDir
    Path tmp;

    private record Truth(long connections, long bytes, long attempts, int clients) {
    }

    /** v2 records: answered connections (request and reply) and one-record scanner probes from random addresses. */
    private static Truth write(Path file, int connections, int probes) throws IOException {
        Random random = new Random(13);
        long bytes = 0;
        Set<Integer> clients = new HashSet<>();
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n");
            for (int i = 0; i < connections + probes; i++) {
                int client;
                do {
                    client = random.nextInt();
                } while ((client >>> 24) == 0 || (client >>> 24) == 10 || (client >>> 24) >= 224
                        || (client >>> 24) == 100 || (client >>> 24) == 127 || (client >>> 24) == 172 || (client >>> 24) == 192);
                String c = (client >>> 24) + "." + ((client >>> 16) & 0xFF) + "." + ((client >>> 8) & 0xFF) + "." + (client & 0xFF);
                int s = 10 + random.nextInt(4);
                String server = "10.0.9." + s;
                String eni = "eni-0000000" + s;
                int port = 32768 + random.nextInt(28000);
                long t = START + i / 100;
                if (i < connections) {
                    clients.add(client);
                    out.write("2 123456789012 " + eni + " " + c + " " + server + " " + port + " 443 6 5 600 " + t + " " + (t + 20) + " ACCEPT OK\n");
                    out.write("2 123456789012 " + eni + " " + server + " " + c + " 443 " + port + " 6 4 3000 " + t + " " + (t + 20) + " ACCEPT OK\n");
                    bytes += 3600; // both directions, as seen at the one ENI
                } else {
                    out.write("2 123456789012 " + eni + " " + c + " " + server + " " + port + " " + SCANNED[i % SCANNED.length]
                            + " 6 1 40 " + t + " " + (t + 5) + " ACCEPT OK\n");
                }
            }
        }
        return new Truth(connections, bytes, probes, clients.size());
    }

    @Test
    void anUnknownAggregateExternalModeIsAUsageErrorNamingTheFlag() {
        Cli.Result r = Cli.run("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster",
                Cli.DEMO.resolve("recording.jsonl").toString(), "--out", tmp.resolve("out").toString(),
                "--aggregate-external", "per-client");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--aggregate-external") && r.err().contains("summary, per-network, per-address"),
                r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void millionsOfPeersAreSummarisedWithExactTotalsAndReviewableOutputs() throws IOException {
        Path flows = tmp.resolve("flows.log");
        Truth truth = write(flows, 100_000, 50_000);
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("generate", "--flow-logs", flows.toString(), "--cluster",
                Cli.DEMO.resolve("recording.jsonl").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());

        long report = Files.size(out.resolve("report.md"));
        long edgesJson = Files.size(out.resolve("edges.json"));
        assertTrue(report < 200_000, "report.md " + report);
        assertTrue(edgesJson < 500_000, "edges.json " + edgesJson);
        String text = Files.readString(out.resolve("report.md"));
        assertTrue(text.contains("| external addresses: "), "one row per summarised class");

        JsonNode root = JSON.readTree(out.resolve("edges.json").toFile());
        long connections = 0;
        long bytes = 0;
        long distinct = 0;
        long attempts = 0;
        for (JsonNode c : root.path("summarisedPeers")) {
            assertEquals("client", c.path("summarisedEnd").asText());
            assertTrue(c.path("topNetworks").size() <= 10);
            long networkConnections = c.path("otherNetworks").path("connections").asLong();
            for (JsonNode n : c.path("topNetworks")) {
                networkConnections += n.path("connections").asLong();
            }
            assertEquals(c.path("connections").asLong(), networkConnections, "networks add up to the class total");
            if (c.path("attempt").asBoolean()) {
                attempts += c.path("connections").asLong();
            } else {
                connections += c.path("connections").asLong();
                bytes += c.path("bytes").asLong();
                distinct += c.path("distinctAddresses").asLong();
            }
        }
        for (JsonNode e : root.path("edges")) {
            assertFalse(e.path("server").path("ip").asText().startsWith("10.0.9."), "listed on its own: " + e);
        }
        assertEquals(truth.connections(), connections, "connections exact");
        assertEquals(truth.bytes(), bytes, "bytes exact");
        assertEquals(truth.attempts(), attempts, "attempts exact");
        assertTrue(Math.abs(distinct - truth.clients()) < truth.clients() * 0.05, distinct + " vs " + truth.clients());
    }
}
