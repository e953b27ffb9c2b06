package io.flowpol.ingest.s3;

import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InputException;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import io.flowpol.ingest.flowlog.FlowLogOptions;
import io.flowpol.ingest.flowlog.FlowLogReader;
import io.flowpol.ingest.flowlog.FlowLogStats;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads the VPC Flow Log objects of a window from S3 into a {@link FlowSink}, in key order,
 * each object streamed (GetObject, gzip, the byte-level parser) without touching the disk.
 *
 * <p>Only the text format ({@code .log.gz}) is read. Parquet delivery is left out on purpose:
 * reading it needs parquet-hadoop (Hadoop's configuration and file-system classes, tens of
 * megabytes of dependencies) or a hand-written Parquet/Snappy decoder, and it would bypass the
 * byte parser that gives errors their file and line. Parquet keys are counted in
 * {@link S3Stats#parquetKeys()} so the user is told rather than silently given nothing.
 */
public final class S3FlowLogReader {
    private static final int PROBLEM_SAMPLES = 20;

    private final S3Client client;
    private final java.nio.file.Path checkpoint;

    public S3FlowLogReader(S3Client client) {
        this(client, null);
    }

    /**
     * With {@code checkpoint} (a directory, may be null) every object is kept there once read, so an
     * interrupted read resumes without fetching it again; inference reruns over all objects in key
     * order, so nothing is counted twice.
     */
    public S3FlowLogReader(S3Client client, java.nio.file.Path checkpoint) {
        if (client == null) {
            throw new IllegalArgumentException("client == null");
        }
        this.client = client;
        this.checkpoint = checkpoint;
    }

    /**
     * Reads the window's objects under {@code source}.
     *
     * @param format the records' format, or null to use each object's header line (S3 delivery
     *     always writes one, DESIGN.md fact 8)
     * @param strict stop at the first malformed line instead of counting it
     * @throws InputException naming {@code s3://bucket/key[:line]} for a missing bucket or
     *     object, denied access, a truncated gzip object, and in strict mode a malformed line
     */
    public S3Stats read(S3Source source, FlowLogFormat format, boolean strict, FlowSink sink) {
        S3ObjectInput.Transfer transfer = new S3ObjectInput.Transfer();
        S3ObjectLister lister = new S3ObjectLister(client, source, transfer.retries);
        List<String> keys = lister.keys();
        transfer.checkpoint = checkpoint;
        List<S3ObjectInput> inputs = keys.stream().map(key -> new S3ObjectInput(client, source, key, transfer)).toList();
        FlowLogReader reader = new FlowLogReader(new FlowLogOptions(format, strict, PROBLEM_SAMPLES));
        FlowLogStats records = reader.readInputs(inputs, sink);
        return new S3Stats(keys.size(), lister.listCalls, transfer.getCalls, transfer.retries.retries(),
                transfer.fromCheckpoint, transfer.bytes,
                lister.outsideWindow, lister.parquet, lister.ignored, records);
    }
}
