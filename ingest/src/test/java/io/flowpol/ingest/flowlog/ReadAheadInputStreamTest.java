package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {

    @Test
    void yieldsTheSourceBytesExactlyAcrossManyChunks() throws IOException {
        byte[] data = new byte[3 * 256 * 1024 + 12345];
        new Random(3).nextBytes(data);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), "test")) {
            byte[] small = new byte[777];
            for (int n = in.read(small); n >= 0; n = in.read(small)) {
                copy.write(small, 0, n);
            }
            assertEquals(-1, in.read());
        }
        assertArrayEquals(data, copy.toByteArray());
    }

    @Test
    void sourceFailureIsRethrownUnchangedAfterTheBytesBeforeIt() throws IOException {
        EOFException cut = new EOFException("Unexpected end of ZLIB input stream");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw cut;
            }
        };
        byte[] head = {1, 2, 3};
        try (InputStream in = new ReadAheadInputStream(new SequenceInputStream(new ByteArrayInputStream(head), failing),
                "test")) {
            assertEquals(1, in.read());
            assertEquals(2, in.read());
            assertEquals(3, in.read());
            assertSame(cut, assertThrows(EOFException.class, in::read));
        }
    }
}
