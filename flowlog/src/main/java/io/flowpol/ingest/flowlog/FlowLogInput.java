package io.flowpol.ingest.flowlog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One named byte source of flow-log text, plain or gzip: a local file, an S3 object, a test
 * fixture. {@link FlowLogReader} opens it only when its turn comes, so a long list of S3 objects
 * holds at most one open connection.
 */
public interface FlowLogInput {

    /** How errors name this input: a path, or {@code s3://bucket/key}. */
    String name();

    /**
     * Opens the raw bytes; the reader detects gzip by its magic bytes and closes the stream.
     *
     * @throws IOException or an {@link io.flowpol.inference.model.InputException} already naming the input
     */
    InputStream open() throws IOException;

    /** A local file, named by its path. */
    static FlowLogInput of(Path file) {
        return new FlowLogInput() {
            @Override
            public String name() {
                return file.toString();
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }
}
