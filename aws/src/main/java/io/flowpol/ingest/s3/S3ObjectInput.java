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
        long fromCheckpoint;
        /** Counts the SDK's retries of every GetObject. */
        final io.flowpol.ingest.aws.RetryCount retries = new io.flowpol.ingest.aws.RetryCount();
        /** Where objects already read are kept (a resumed read takes them from there), or null. */
        java.nio.file.Path checkpoint;
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
        if (transfer.checkpoint == null) {
            return fetch();
        }
        // The checkpoint keeps each object whole, under its key: a resumed read opens it from disk.
        java.nio.file.Path kept = transfer.checkpoint.resolve(source.bucket()).resolve(key).normalize();
        try {
            if (!java.nio.file.Files.isRegularFile(kept)) {
                java.nio.file.Files.createDirectories(kept.getParent());
                java.nio.file.Path temp = kept.resolveSibling(kept.getFileName() + ".tmp");
                try (InputStream in = fetch()) {
                    java.nio.file.Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                java.nio.file.Files.move(temp, kept, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                transfer.fromCheckpoint++;
            }
            return java.nio.file.Files.newInputStream(kept);
        } catch (IOException e) {
            throw new io.flowpol.inference.model.InputException(io.flowpol.inference.model.InputProblem.error(
                    name(), 0, "--checkpoint", "to read the whole object and keep it in the checkpoint directory",
                    e.getMessage()), e);
        }
    }

    private InputStream fetch() {
        transfer.getCalls++;
        InputStream body;
        try {
            body = client.getObject(GetObjectRequest.builder().bucket(source.bucket()).key(key)
                    .overrideConfiguration(transfer.retries.attach()).build());
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
