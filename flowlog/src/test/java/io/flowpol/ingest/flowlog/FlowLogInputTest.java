package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.InputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FlowLogInputTest {
    private static final String LINE = "2 123 eni-a 10.0.1.5 10.0.2.9 40000 443 6 3 180 1780000000 1780000060 ACCEPT OK";

    /** A named in-memory input that records whether it was opened and closed. */
    private static final class Bytes implements FlowLogInput {
        private final String name;
        private final byte[] bytes;
        boolean opened;
        boolean closed;

        Bytes(String name, byte[] bytes) {
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public InputStream open() {
            opened = true;
            return new ByteArrayInputStream(bytes) {
                @Override
                public void close() {
                    closed = true;
                }
            };
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    @Test
    void streamsAreReadLikeFilesGzipDetectedAndClosed() throws IOException {
        Bytes plain = new Bytes("mem:plain", (LINE + "\n").getBytes(StandardCharsets.US_ASCII));
        Bytes packed = new Bytes("mem:gz", gzip(FlowLogFormat.V2_DEFAULT + "\n" + LINE + "\n" + LINE + "\n"));
        List<String> seen = new ArrayList<>();
        FlowLogStats stats = new FlowLogReader(FlowLogOptions.DEFAULTS).readInputs(List.of(plain, packed),
                r -> seen.add(r.sourceId + ":" + r.line + ":" + r.bytes));
        assertEquals(List.of("0:1:180", "1:2:180", "1:3:180"), seen);
        assertEquals(2, stats.files());
        assertTrue(plain.closed && packed.closed);
    }

    @Test
    void errorsNameTheInputAndInputsAfterAFatalErrorAreNotOpened() throws IOException {
        byte[] gz = gzip(LINE + "\n" + LINE + "\n");
        Bytes cut = new Bytes("s3://bucket/key.log.gz", Arrays.copyOf(gz, gz.length - 10));
        Bytes next = new Bytes("mem:next", gz);
        InputException e = assertThrows(InputException.class, () -> new FlowLogReader(FlowLogOptions.DEFAULTS)
                .readInputs(List.of(cut, next), r -> { }));
        assertTrue(e.getMessage().startsWith("s3://bucket/key.log.gz"), e.getMessage());
        assertTrue(!next.opened, "one open input at a time, none after the failure");
    }
}
