package io.flowpol.ingest.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InputException;
import io.flowpol.ingest.flowlog.FlowLogFiles;
import io.flowpol.ingest.flowlog.FlowLogOptions;
import io.flowpol.ingest.flowlog.FlowLogReader;
import io.flowpol.ingest.flowlog.FlowLogStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class S3FlowLogReaderTest {
    private static final String BUCKET = "flow-bucket";
    private static final String ROOT = "logs/AWSLogs/123456789012/vpcflowlogs/";
    private static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol "
            + "packets bytes start end action log-status";
    private static final long WINDOW_START = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
    private static final long WINDOW_END = Instant.parse("2026-12-01T11:00:00Z").toEpochMilli();

    @TempDir
    Path dir;
    private S3TestServer server;
    private S3Client client;

    @BeforeEach
    void start() throws IOException {
        server = new S3TestServer(2);
        client = server.client(Region.US_EAST_1);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** Every field a test compares, so two reads can be compared record by record. */
    private static final class Collecting implements FlowSink {
        final List<String> records = new ArrayList<>();

        @Override
        public void accept(FlowRecord r) {
            records.add(r.sourceId + ":" + r.line + ":" + r.interfaceId + ":" + r.srcPort + ":" + r.dstPort
                    + ":" + r.bytes + ":" + r.startMillis);
        }
    }

    /** A gzip flow-log file named the AWS way, stored both in the fake bucket and on disk under the key. */
    private byte[] putLog(String region, String time, int records) throws IOException {
        String compact = time.replace("-", "").replace(":", "").substring(0, 13) + "Z";
        String key = ROOT + region + "/" + time.substring(0, 10).replace('-', '/') + "/123456789012_vpcflowlogs_"
                + region + "_fl-0abc_" + compact + "_" + Integer.toHexString(time.hashCode()) + ".log.gz";
        long seconds = Instant.parse(time).getEpochSecond();
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < records; i++) {
            text.append("2 123456789012 eni-").append(region).append(" 10.0.1.5 10.0.2.9 ").append(40000 + i)
                    .append(" 443 6 3 ").append(100 + i).append(' ').append(seconds - 60).append(' ').append(seconds)
                    .append(" ACCEPT OK\n");
        }
        byte[] gz = gzip(text.toString());
        server.put(BUCKET, key, gz);
        Path file = dir.resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, gz);
        return gz;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private void putDay() throws IOException {
        putLog("us-east-1", "2026-11-30T23:55:00Z", 2);
        putLog("us-east-1", "2026-12-01T09:50:00Z", 2);
        for (int minute = -5; minute <= 60; minute += 5) {
            putLog("us-east-1", Instant.ofEpochMilli(WINDOW_START + minute * 60_000L).toString(), 3);
        }
        putLog("us-east-1", "2026-12-01T11:05:00Z", 2);
        putLog("us-east-1", "2026-12-02T10:30:00Z", 2);
        putLog("eu-west-1", "2026-12-01T10:30:00Z", 4);
        server.put(BUCKET, ROOT + "us-east-1/2026/12/01/123456789012_vpcflowlogs_us-east-1_fl-0abc_20261201T1030Z_ff.log.parquet", new byte[4]);
        server.put(BUCKET, ROOT + "us-east-1/2026/12/01/notes.txt", new byte[1]);
    }

    private S3Stats read(String prefix, FlowSink sink) {
        return new S3FlowLogReader(client).read(new S3Source(BUCKET, prefix, WINDOW_START, WINDOW_END,
                S3Source.DEFAULT_FILE_PERIOD_MILLIS), null, true, sink);
    }

    @Test
    void readsTheWindowsObjectsAcrossPagesExactlyAsFileModeReadsTheSameFiles() throws IOException {
        putDay();
        // The files that should not be read, removed from the on-disk copy only.
        try (var paths = Files.walk(dir)) {
            paths.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*(/2026/11/30/|/2026/12/02/|T0950Z|T1105Z).*"))
                    .forEach(p -> p.toFile().delete());
        }
        Collecting fromFiles = new Collecting();
        FlowLogStats fileStats = new FlowLogReader(FlowLogOptions.DEFAULTS)
                .read(FlowLogFiles.list(List.of(dir)), fromFiles);
        Collecting fromS3 = new Collecting();
        S3Stats stats = read("logs", fromS3);

        assertEquals(15, fileStats.files(), "the fixture keeps 14 us-east-1 files and 1 eu-west-1 file");
        assertEquals(fromFiles.records, fromS3.records, "same records, same order, same source ids and lines");
        assertEquals(15, stats.objects());
        assertEquals(fileStats.records(), stats.records().records());
        assertEquals(2, stats.keysOutsideWindow(), "09:50 and 11:05 are more than one file period outside");
        assertEquals(1, stats.parquetKeys());
        assertEquals(1, stats.otherKeys());
        assertEquals(15, stats.getCalls());
        assertEquals(15, server.getCalls.get());
        long gzBytes;
        try (var paths = Files.walk(dir)) {
            gzBytes = paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertEquals(gzBytes, stats.objectBytes());
        assertTrue(stats.listCalls() > 3, "pages of 2 need continuation tokens: " + server.listPrefixes);
        assertEquals(server.listCalls.get(), stats.listCalls());
    }

    @Test
    void listsOnlyTheDayFoldersOfTheWindowNeverTheWholeBucket() throws IOException {
        putDay();
        read("logs/", new Collecting());
        for (String prefix : server.listPrefixes) {
            assertTrue(prefix.endsWith("(delimiter)") || prefix.endsWith("/2026/12/01/"), prefix);
        }
        assertTrue(server.listPrefixes.contains(ROOT + "us-east-1/2026/12/01/"), server.listPrefixes.toString());
    }

    @Test
    void aPrefixDownToOneRegionListsNoOtherRegion() throws IOException {
        putDay();
        S3Stats stats = read(ROOT + "eu-west-1", new Collecting());
        assertEquals(1, stats.objects());
        assertEquals(4, stats.records().records());
        assertTrue(server.listPrefixes.stream().noneMatch(p -> p.contains("us-east-1")), server.listPrefixes.toString());
    }

    @Test
    void hiveCompatibleFoldersAreListedByTheirDayFolderToo() throws IOException {
        String hive = "logs/AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=us-east-1/";
        String name = "123456789012_vpcflowlogs_us-east-1_fl-0abc_20261201T1010Z_aa.log.gz";
        String row = "2 1 eni-a 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT OK\n";
        server.put(BUCKET, hive + "year=2026/month=12/day=01/" + name, gzip(HEADER + "\n" + row + row));
        server.put(BUCKET, hive + "year=2026/month=12/day=02/" + name.replace("1201", "1202"), gzip(HEADER + "\n" + row));
        S3Stats stats = read("logs", new Collecting());
        assertEquals(1, stats.objects());
        assertEquals(2, stats.records().records());
        assertTrue(server.listPrefixes.contains(hive + "year=2026/month=12/day=01/"), server.listPrefixes.toString());
    }

    @Test
    void serverErrorsAreRetriedByTheSdkWithoutLosingRecords() throws IOException {
        putLog("us-east-1", "2026-12-01T10:10:00Z", 5);
        server.failNext(2);
        Collecting sink = new Collecting();
        S3Stats stats = read("logs", sink);
        assertEquals(2, stats.retries(), "each retried attempt is counted (issue 12 item 13): " + stats);
        assertEquals(5, sink.records.size());
        assertEquals(5, sink.records.stream().distinct().count());
    }

    @Test
    void aTruncatedGzipObjectIsAnErrorNamingTheObject() throws IOException {
        byte[] gz = putLog("us-east-1", "2026-12-01T10:10:00Z", 50);
        String key = ROOT + "us-east-1/2026/12/01/123456789012_vpcflowlogs_us-east-1_fl-0abc_20261201T1020Z_cut.log.gz";
        server.put(BUCKET, key, Arrays.copyOf(gz, gz.length / 2));
        InputException e = assertThrows(InputException.class, () -> read("logs", new Collecting()));
        assertTrue(e.getMessage().startsWith("s3://" + BUCKET + "/" + key), e.getMessage());
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void aMalformedLineIsNamedByObjectAndLine() throws IOException {
        String key = ROOT + "us-east-1/2026/12/01/123456789012_vpcflowlogs_us-east-1_fl-0abc_20261201T1020Z_bad.log.gz";
        server.put(BUCKET, key, gzip(HEADER + "\n2 1 eni-a 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT OK\nnonsense\n"));
        InputException e = assertThrows(InputException.class, () -> read("logs", new Collecting()));
        assertTrue(e.getMessage().startsWith("s3://" + BUCKET + "/" + key + ":3:"), e.getMessage());
    }

    @Test
    void aMissingBucketIsAnErrorNamingIt() {
        InputException e = assertThrows(InputException.class, () -> new S3FlowLogReader(client).read(
                S3Source.parse("s3://no-such-bucket/x", WINDOW_START, WINDOW_END), null, false, new Collecting()));
        assertTrue(e.getMessage().startsWith("s3://no-such-bucket/"), e.getMessage());
        assertTrue(e.getMessage().contains("no such bucket"), e.getMessage());
    }

    @Test
    void anObjectDeletedAfterListingIsAnErrorNamingIt() throws IOException {
        putLog("us-east-1", "2026-12-01T10:10:00Z", 1);
        String key = ROOT + "us-east-1/2026/12/01/123456789012_vpcflowlogs_us-east-1_fl-0abc_20261201T1015Z_gone.log.gz";
        server.put(BUCKET, key, gzip(HEADER + "\n"));
        server.vanish(key);
        InputException e = assertThrows(InputException.class, () -> read("logs", new Collecting()));
        assertTrue(e.getMessage().startsWith("s3://" + BUCKET + "/" + key), e.getMessage());
        assertTrue(e.getMessage().contains("no such object"), e.getMessage());
    }

    @Test
    void aPrefixWithoutFlowLogsSaysWhatLayoutWasExpected() throws IOException {
        putLog("us-east-1", "2026-12-01T10:10:00Z", 1);
        InputException e = assertThrows(InputException.class, () -> read("elsewhere/", new Collecting()));
        assertTrue(e.getMessage().contains("AWSLogs/<account>/vpcflowlogs/<region>"), e.getMessage());
    }
}
