package io.flowpol.inference.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class IoReasonTest {

    @Test
    void theReasonIsGivenWithoutTheClassOrThePath() {
        assertEquals("no such file or directory", IoReason.of(new NoSuchFileException("/x")));
        assertEquals("permission denied", IoReason.of(new AccessDeniedException("/x")));
        assertEquals("a directory", IoReason.of(new IOException("Is a directory")));
        assertEquals("a directory", IoReason.of(new FileSystemException("/x", null, "Is a directory")));
        assertEquals("no space left on device", IoReason.of(new IOException("No space left on device")));
        assertEquals("corrupt gzip data (corrupt GZIP trailer)", IoReason.of(new ZipException("Corrupt GZIP trailer")));
        assertEquals("corrupt gzip data (invalid distance too far back)",
                IoReason.of(new ZipException("invalid distance too far back")));
        assertEquals("boom", IoReason.of(new UncheckedIOException(new IOException("boom"))));
        assertEquals("boom", IoReason.of(new RuntimeException("java.lang.IllegalStateException: boom")));
        assertEquals("an I/O error", IoReason.of(new IOException()));
    }

    @Test
    void classNamesAreRemovedAnywhereInAMessage() {
        assertEquals("f: expected x, found Is a directory",
                IoReason.withoutClassNames("f: expected x, found java.io.IOException: Is a directory"));
        assertEquals("f: found Corrupt GZIP trailer", IoReason.withoutClassNames("f: found ZipException: Corrupt GZIP trailer"));
        assertEquals("s3://b/k:3: field: expected a port, found 'x: y'",
                IoReason.withoutClassNames("s3://b/k:3: field: expected a port, found 'x: y'"));
        assertEquals("C:\\logs\\a.gz: no such file", IoReason.withoutClassNames("C:\\logs\\a.gz: no such file"));
        assertEquals("flows.Log: expected a flow log", IoReason.withoutClassNames("flows.Log: expected a flow log"));
        assertEquals("x", IoReason.withoutClassNames("software.amazon.awssdk.core.exception.SdkClientException: x"));
    }
}
