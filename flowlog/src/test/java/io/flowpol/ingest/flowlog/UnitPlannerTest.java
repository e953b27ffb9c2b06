package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitPlannerTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void largePlainFileIsCutIntoRangesThatTileItAndCarryItsHeaderFormat() throws IOException {
        Path file = write("big.log", new FlowLogText().header().records(0, 100).bytes());
        long size = Files.size(file);
        List<ReadUnit> units = new UnitPlanner(FlowLogOptions.DEFAULTS, 1000).plan(List.of(file));
        assertEquals((size + 999) / 1000, units.size());
        assertTrue(units.get(0).first());
        assertNull(units.get(0).format(), "the first range reads the header itself");
        for (int i = 1; i < units.size(); i++) {
            ReadUnit unit = units.get(i);
            assertEquals(units.get(i - 1).end(), unit.start());
            assertEquals(FlowLogFormat.ofHeader(FlowLogText.HEADER), unit.format());
            assertEquals(0, unit.sourceId());
        }
        assertTrue(units.get(units.size() - 1).last());
    }

    @Test
    void forcedFormatWinsOverTheHeaderAndAFileWithoutHeaderIsV2() throws IOException {
        Path withHeader = write("h.log", new FlowLogText().header().records(0, 50).bytes());
        Path without = write("v2.log", new FlowLogText().records(0, 50).bytes());
        FlowLogFormat forced = FlowLogFormat.parse("version srcaddr dstaddr");
        List<ReadUnit> units = new UnitPlanner(new FlowLogOptions(forced, false, 1), 2000).plan(List.of(withHeader));
        assertEquals(forced, units.get(1).format());
        units = new UnitPlanner(FlowLogOptions.DEFAULTS, 2000).plan(List.of(without));
        assertEquals(FlowLogFormat.V2_DEFAULT, units.get(1).format());
    }

    @Test
    void gzipSmallMissingAndDirectoryInputsAreWholeUnitsInOrder() throws IOException {
        Path gzip = write("a.log.gz", new FlowLogText().header().records(0, 500).gzip());
        Path small = write("b.log", new FlowLogText().line("2 eni-1 - - - - - - - 1 2 - NODATA").bytes());
        Path missing = dir.resolve("c.log");
        List<ReadUnit> units = new UnitPlanner(FlowLogOptions.DEFAULTS, 100).plan(List.of(gzip, small, missing, dir));
        assertEquals(List.of(0, 1, 2, 3), units.stream().map(ReadUnit::sourceId).toList());
        assertTrue(units.stream().allMatch(u -> u.first() && u.last() && u.file() == null));
        assertEquals(missing.toString(), units.get(2).input().name());
    }
}
