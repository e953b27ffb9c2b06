package io.flowpol.ingest.s3;

import io.flowpol.ingest.flowlog.FlowLogInput;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/** One S3 object as a {@link FlowLogInput}: GetObject when its turn comes, bytes counted as they stream. */
final class S3ObjectInput implements FlowLogInput {
    private final S3Client client;
    private final S3Source source;
    private final String key;
    private final Transfer transfer;

    /** Tallies shared by the inputs of one read. */
    static final class Transfer {
        long getCalls;
        long bytes;
    }

    S3ObjectInput(S3Client client, S3Source source, String key, Transfer transfer) {
        this.client = client;
        this.source = source;
        this.key = key;
        this.transfer = transfer;
    }

    @Override
    public String name() {
        return source.uri(key);
    }

    @Override
    public InputStream open() {
        transfer.getCalls++;
        InputStream body;
        try {
            body = client.getObject(GetObjectRequest.builder().bucket(source.bucket()).key(key).build());
        } catch (RuntimeException e) {
            throw S3Failures.of(name(), e);
        }
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    transfer.bytes++;
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    transfer.bytes += n;
                }
                return n;
            }
        };
    }
}
