package io.flowpol.samples;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;

/**
 * Streams records into the S3 delivery layout of two flow logs, one in the v2 default
 * format and one in the custom v5 format: {@code AWSLogs/<account>/vpcflowlogs/<region>/
 * <yyyy>/<mm>/<dd>/<account>_vpcflowlogs_<region>_<fl-id>_<yyyymmddTHHmmZ>_<hash>.log.gz},
 * one gzip file per 5 minutes with a header line naming the fields (AWS docs, "Flow log
 * files" for S3). Only the current file pair is open; nothing is kept per record, so memory
 * does not grow with the record count. Counts records and refuses more than the cap.
 */
final class FlowLogWriter implements Closeable {
    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path outDir;
    private final ClusterPlan plan;
    private final long maxRecords;
    private final Ids ids;
    private final String v2LogId;
    private final String v5LogId;
    private final StringBuilder v2 = new StringBuilder(256);
    private final StringBuilder v5 = new StringBuilder(512);
    private Writer v2Out;
    private Writer v5Out;
    private long block = -1;
    private long written;

    FlowLogWriter(Path outDir, ClusterPlan plan, ScenarioOptions options) {
        this.outDir = outDir;
        this.plan = plan;
        this.maxRecords = options.maxRecords();
        this.ids = new Ids(options.seed(), 4);
        this.v2LogId = ids.aws("fl");
        this.v5LogId = ids.aws("fl");
    }

    /** Opens the file pair of the 5-minute block containing {@code now}, closing the last. */
    void at(Instant now) throws IOException {
        long nowBlock = now.getEpochSecond() / 300;
        if (nowBlock == block) {
            return;
        }
        closeFiles();
        block = nowBlock;
        Instant blockStart = Instant.ofEpochSecond(nowBlock * 300);
        v2Out = open("v2", v2LogId, blockStart, FlowLogFormat.V2_HEADER);
        v5Out = open("v5", v5LogId, blockStart, FlowLogFormat.V5_HEADER);
    }

    boolean full() {
        return maxRecords > 0 && written >= maxRecords;
    }

    long written() {
        return written;
    }

    void write(FlowLine line) throws IOException {
        if (full()) {
            return;
        }
        v2.setLength(0);
        v5.setLength(0);
        line.appendV2(v2, plan.account());
        line.appendV5(v5, plan.account(), plan.vpcId());
        emit();
    }

    /** A NODATA or SKIPDATA record for one ENI's aggregation interval. */
    void status(Eni eni, long start, long end, String status) throws IOException {
        if (full()) {
            return;
        }
        v2.setLength(0);
        v5.setLength(0);
        FlowLine.appendStatus(v2, 2, plan.account(), eni, start, end, status, null);
        FlowLine.appendStatus(v5, 5, plan.account(), eni, start, end, status, plan.vpcId());
        emit();
    }

    private void emit() throws IOException {
        v2Out.append(v2);
        v5Out.append(v5);
        written++;
    }

    private Writer open(String format, String logId, Instant blockStart, String header) throws IOException {
        String region = plan.region();
        Path dir = outDir.resolve("flowlogs").resolve(format).resolve("AWSLogs").resolve(plan.account())
                .resolve("vpcflowlogs").resolve(region).resolve(DAY_PATH.format(blockStart));
        Files.createDirectories(dir);
        String name = plan.account() + "_vpcflowlogs_" + region + "_" + logId + "_" + STAMP.format(blockStart) + "_"
                + ids.hex(8) + ".log.gz";
        OutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(name))),
                1 << 16);
        Writer out = new OutputStreamWriter(gzip, StandardCharsets.US_ASCII);
        out.write(header);
        out.write('\n');
        return out;
    }

    private void closeFiles() throws IOException {
        if (v2Out != null) {
            v2Out.close();
            v5Out.close();
            v2Out = null;
            v5Out = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeFiles();
    }
}
