package io.flowpol.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --reschedules N} (issue 14 churn): N pods of shop Deployments are evicted over the window
 * and replaced on another node by their ReplicaSet, so which workloads share a node changes over
 * the day; without it the scenario is unchanged.
 */
class RescheduleTest {
    @TempDir
    Path dir;

    @Test
    void evictedPodsAreReplacedOnAnotherNodeBySameReplicaSet() throws IOException {
        Path plain = dir.resolve("plain");
        Path churned = dir.resolve("churned");
        new ScenarioGenerator(GeneratedScenario.OPTIONS).write(plain);
        new ScenarioGenerator(GeneratedScenario.OPTIONS.withReschedules(3)).write(churned);
        List<GeneratedScenario.PodSpan> before = RecordingReader.podSpans(
                GeneratedScenario.readRecording(plain.resolve("recording.jsonl")), GeneratedScenario.OPTIONS.end());
        List<GeneratedScenario.PodSpan> after = RecordingReader.podSpans(
                GeneratedScenario.readRecording(churned.resolve("recording.jsonl")), GeneratedScenario.OPTIONS.end());
        assertEquals(before.size() + 3, after.size(), "one replacement per eviction");
        List<GeneratedScenario.PodSpan> added = new ArrayList<>(after);
        added.removeIf(p -> before.stream().anyMatch(b -> b.pod().equals(p.pod())));
        assertEquals(3, added.size(), () -> "new pods: " + added);
        Map<String, GeneratedScenario.PodSpan> byName = new HashMap<>();
        after.forEach(p -> byName.put(p.pod(), p));
        for (GeneratedScenario.PodSpan replacement : added) {
            assertTrue(replacement.workload().startsWith("shop/Deployment/"), replacement.toString());
            // The evicted pod: same workload, ended just after the replacement was created, on another node.
            GeneratedScenario.PodSpan evicted = after.stream()
                    .filter(p -> p.workload().equals(replacement.workload()) && !p.pod().equals(replacement.pod())
                            && p.to().isAfter(replacement.from()) && p.to().isBefore(replacement.from().plusSeconds(60)))
                    .findFirst().orElseThrow(() -> new AssertionError("no evicted pod for " + replacement));
            assertNotEquals(evicted.node(), replacement.node(), replacement.toString());
        }
        assertTrue(Files.readString(churned.resolve("truth.json")).contains("\"edges\""));
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GeneratedScenario.OPTIONS.withReschedules(-1));
        assertEquals(5, ScenarioGenerator.Arguments.parse(new String[] {"--out", "x", "--reschedules", "5"})
                .options().reschedules());
    }
}
