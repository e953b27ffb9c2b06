package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowLogFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void listsDirectoriesRecursivelyInPathOrderSkippingHiddenFiles() throws IOException {
        Path late = write("AWSLogs/1/vpcflowlogs/us-east-1/2023/11/15/b.log", "");
        Path early = write("AWSLogs/1/vpcflowlogs/us-east-1/2023/11/14/z.log", "");
        Path single = write("extra.log", "");
        write("AWSLogs/.DS_Store", "");
        write("AWSLogs/1/.partial/x.log", "");
        List<Path> files = FlowLogFiles.list(List.of(single, dir.resolve("AWSLogs"), early));
        assertEquals(List.of(early, late, single), files);
    }

    @Test
    void listedDirectoryIsReadInPathOrder() throws IOException {
        write("logs/2023/11/15/a.log", "2 1 eni-1 10.0.0.1 10.0.0.2 1 80 6 1 1 1700086400 1700086460 ACCEPT OK\n");
        write("logs/2023/11/14/a.log", "2 1 eni-1 10.0.0.1 10.0.0.2 1 80 6 1 1 1700000000 1700000060 ACCEPT OK\n");
        List<Long> starts = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        new FlowLogReader(FlowLogOptions.DEFAULTS).read(FlowLogFiles.list(List.of(dir.resolve("logs"))),
                (FlowRecord r) -> {
                    starts.add(r.startMillis);
                    sources.add(r.sourceId);
                });
        assertEquals(List.of(1_700_000_000_000L, 1_700_086_400_000L), starts);
        assertEquals(List.of(0, 1), sources);
    }

    @Test
    void missingRootIsAnInputExceptionNamingIt() {
        Path missing = dir.resolve("no-such-dir");
        InputException e = assertThrows(InputException.class, () -> FlowLogFiles.list(List.of(missing)));
        assertEquals(missing.toString(), e.problem().file());
        assertTrue(e.getMessage().contains("no such file or directory"), e.getMessage());
    }

    @Test
    void unreadableRootIsAnInputExceptionNamingIt() throws IOException {
        // root reads everything, so the permission bits cannot make a file unreadable there.
        assumeFalse("root".equals(System.getProperty("user.name")), "running as root");
        Path locked = write("locked.log", "x\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        InputException e = assertThrows(InputException.class, () -> FlowLogFiles.list(List.of(locked)));
        assertEquals(locked + ": expected a readable flow-log file or directory, found permission denied", e.getMessage());
    }
}
