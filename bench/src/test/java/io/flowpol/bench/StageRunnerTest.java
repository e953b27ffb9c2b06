package io.flowpol.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.ingest.cluster.ClusterRecordingReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageRunnerTest {
    private static final long RECORDS = 40_000;

    @TempDir
    static Path dir;
    static ScenarioFiles scenario;
    static ClusterTimeline cluster;

    @BeforeAll
    static void generate() throws IOException {
        scenario = new ScenarioFiles(dir.resolve("scenario"));
        scenario.generate(RECORDS);
        cluster = new ClusterRecordingReader().read(List.of(scenario.recording())).timeline();
    }

    @Test
    void fullPipelineLearnsIdenticalResultsWithOneAndTwoThreads() {
        StageRunner.Learned one = new StageRunner(List.of(scenario.plain()), cluster, 1).infer();
        StageRunner.Learned two = new StageRunner(List.of(scenario.plain()), cluster, 2).infer();
        assertEquals(RECORDS, one.stats().records());
        assertFalse(one.result().edges().isEmpty(), "the scenario's traffic yields edges");
        assertEquals(one.result(), two.result());
        // Byte-identical, not only equal: the text the outputs are rendered from matches too.
        assertEquals(one.result().toString(), two.result().toString());
        assertEquals(one.stats().records(), two.stats().records());
        assertEquals(one.stats().bytes(), two.stats().bytes());
    }

    @Test
    void plainConcatenationLearnsWhatTheGeneratedGzipFilesTeach() {
        StageRunner.Learned plain = new StageRunner(List.of(scenario.plain()), cluster, 1).infer();
        StageRunner.Learned gzip = new StageRunner(scenario.gzipFiles(), cluster, 2).infer();
        assertTrue(scenario.gzipFiles().size() > 1, "the S3 layout has one file per 5 minutes");
        assertEquals(plain.result(), gzip.result());
        assertEquals(plain.stats().records(), gzip.stats().records());
        assertEquals(plain.stats().lines() + scenario.gzipFiles().size() - 1, gzip.stats().lines(),
                "one header line per gzip file, one in the plain file");
    }

    @Test
    void everyStageCountsEveryRecordAndOnlyTheFullPipelineLearnsEdges() {
        StageRunner runner = new StageRunner(List.of(scenario.plain()), cluster, 2);
        for (Stage stage : Stage.values()) {
            StageResult result = runner.run(stage);
            assertEquals(RECORDS, result.records(), stage.label());
            assertTrue(result.bytes() > RECORDS * 50, stage.label());
            assertTrue(result.wallNanos() > 0 && result.peakHeapMb() >= 0, stage.label());
            assertEquals(stage == Stage.FULL, result.edges() > 0, stage.label());
        }
    }
}
