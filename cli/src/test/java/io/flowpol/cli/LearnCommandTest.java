package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.history.LearnedState;
import io.flowpol.inference.model.Edge;
import io.flowpol.ingest.state.StateStore;
import io.flowpol.samples.ScenarioGenerator;
import io.flowpol.samples.ScenarioOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandTest {
    private static final String V5 = CliRun.DEMO.resolve("flowlogs/v5").toString();
    private static final String RECORDING = CliRun.DEMO.resolve("recording.jsonl").toString();

    @TempDir
    Path tmp;

    private CliRun learn(Path state, Path out, String since, String until) {
        return CliRun.of("learn", "--cluster", RECORDING, "--flow-logs", V5, "--state", state.toString(),
                "--out", out.toString(), "--since", since, "--until", until);
    }

    @Test
    void twoConsecutiveWindowsGiveTheSamePoliciesAsOneWindowOverBoth() {
        Path parts = tmp.resolve("parts");
        CliRun first = learn(parts, tmp.resolve("out-1"), "2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z");
        assertEquals(0, first.exit(), first.err());
        CliRun second = learn(parts, tmp.resolve("out-2"), "2026-11-30T11:00:00Z", "2026-11-30T12:00:00Z");
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("2 window(s)"), second.out());

        CliRun whole = learn(tmp.resolve("whole"), tmp.resolve("out-whole"), "2026-11-30T10:00:00Z", "2026-11-30T12:00:00Z");
        assertEquals(0, whole.exit(), whole.err());
        CliRun generate = CliRun.of("generate", "--cluster", RECORDING, "--flow-logs", V5, "--out",
                tmp.resolve("out-generate").toString(), "--since", "2026-11-30T10:00:00Z", "--until", "2026-11-30T12:00:00Z");
        assertEquals(0, generate.exit(), generate.err());

        var merged = CliRun.policies(tmp.resolve("out-2"));
        assertFalse(merged.isEmpty());
        assertEquals(CliRun.policies(tmp.resolve("out-whole")), merged);
        assertEquals(CliRun.policies(tmp.resolve("out-generate")), merged);
    }

    @Test
    void consecutiveWindowsKeepEachEdgesFirstAndLastSeenAcrossThem() {
        Path state = tmp.resolve("state");
        learn(state, tmp.resolve("out-1"), "2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z");
        LearnedState afterFirst = new StateStore(state).load();
        learn(state, tmp.resolve("out-2"), "2026-11-30T11:00:00Z", "2026-11-30T12:00:00Z");
        LearnedState merged = new StateStore(state).load();

        assertEquals(2, merged.windows().size());
        long boundary = Instant.parse("2026-11-30T11:00:00Z").toEpochMilli();
        assertTrue(afterFirst.edges().stream().allMatch(e -> e.evidence().lastSeen() < boundary + 120_000));
        assertTrue(merged.edges().stream().anyMatch(e -> e.evidence().firstSeen() < boundary
                && e.evidence().lastSeen() >= boundary), "an edge seen in both windows spans them");
        assertTrue(keys(merged.edges()).containsAll(keys(afterFirst.edges())), "the union keeps every earlier edge");
        for (Edge before : afterFirst.edges()) {
            Edge after = merged.edges().stream().filter(e -> key(e).equals(key(before))).findFirst().orElseThrow();
            assertTrue(after.evidence().connections() >= before.evidence().connections());
            assertEquals(before.evidence().firstSeen(), after.evidence().firstSeen());
        }
    }

    @Test
    void forgetAfterDropsEdgesUnseenInAMuchLaterWindowAndTheReportListsThem() throws IOException {
        Path later = tmp.resolve("later");
        new ScenarioGenerator(new ScenarioOptions(7, Instant.parse("2026-12-30T10:00:00Z"), Duration.ofMinutes(20), 2, 0))
                .write(later);
        Path state = tmp.resolve("state");
        assertEquals(0, learn(state, tmp.resolve("out-1"), "2026-11-30T10:00:00Z", "2026-11-30T12:00:00Z").exit());
        Set<String> before = keys(new StateStore(state).load().edges());

        Path alone = tmp.resolve("alone");
        CliRun laterAlone = laterWindow(later, alone, tmp.resolve("out-alone"));
        assertEquals(0, laterAlone.exit(), laterAlone.err());
        CliRun run = laterWindow(later, state, tmp.resolve("out-2"), "--forget-after", "7d");
        assertEquals(0, run.exit(), run.err());

        Set<String> seenLater = keys(new StateStore(alone).load().edges());
        Set<String> expectedForgotten = new HashSet<>(before);
        expectedForgotten.removeAll(seenLater);
        assertFalse(expectedForgotten.isEmpty(), "the sparse later window must miss some demo edges");
        assertEquals(seenLater, keys(new StateStore(state).load().edges()));
        String report = Files.readString(tmp.resolve("out-2/report.md"));
        assertEquals(expectedForgotten.size(), report.lines().filter(l -> l.contains("forgotten-edge")).count(), report);
        assertTrue(run.err().contains("forgot " + expectedForgotten.size() + " edge(s)"), run.err());
        assertEquals(CliRun.policies(tmp.resolve("out-alone")), CliRun.policies(tmp.resolve("out-2")));
    }

    @Test
    void withoutForgetAfterOverrunTheEarlierEdgesStay() throws IOException {
        Path later = tmp.resolve("later");
        new ScenarioGenerator(new ScenarioOptions(7, Instant.parse("2026-12-10T10:00:00Z"), Duration.ofMinutes(20), 2, 0))
                .write(later);
        Path state = tmp.resolve("state");
        learn(state, tmp.resolve("out-1"), "2026-11-30T10:00:00Z", "2026-11-30T12:00:00Z");
        Set<String> before = keys(new StateStore(state).load().edges());
        CliRun run = laterWindow(later, state, tmp.resolve("out-2"));
        assertEquals(0, run.exit(), run.err());
        assertTrue(keys(new StateStore(state).load().edges()).containsAll(before), "10 days < the default 30d");
        assertFalse(Files.readString(tmp.resolve("out-2/report.md")).contains("forgotten-edge"));
    }

    @Test
    void learningTheSameWindowTwiceWarnsThatCountsIncludeBothAndAllowsNothingMore() throws IOException {
        Path state = tmp.resolve("state");
        learn(state, tmp.resolve("out-1"), "2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z");
        CliRun again = learn(state, tmp.resolve("out-2"), "2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z");
        assertEquals(0, again.exit(), again.err());
        assertTrue(Files.readString(tmp.resolve("out-2/report.md")).contains("overlapping-window"));
        assertTrue(again.err().contains("overlaps one learned before"), again.err());
        assertEquals(CliRun.policies(tmp.resolve("out-1")), CliRun.policies(tmp.resolve("out-2")));
    }

    @Test
    void corruptStateFailsNamingTheFileAndLeavesOutputAndStateUntouched() throws IOException {
        Path state = tmp.resolve("state");
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.md"), "# flowpol report\nearlier output\n"); // as flowpol writes it
        Path file = state.resolve(StateStore.FILE);
        Files.createDirectories(state);
        Files.writeString(file, "{\"version\": 1, \"edges\": [");

        CliRun run = learn(state, out, "2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z");

        assertEquals(ExitCodes.FAILURE, run.exit());
        assertTrue(run.err().startsWith("flowpol: error: " + file), run.err());
        assertEquals("# flowpol report\nearlier output\n", Files.readString(out.resolve("report.md")));
        assertEquals("{\"version\": 1, \"edges\": [", Files.readString(file));
    }

    @Test
    void failedRunLeavesTheStateAsItWas() throws IOException {
        Path state = tmp.resolve("state");
        assertEquals(0, learn(state, tmp.resolve("out-1"), "2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z").exit());
        byte[] saved = Files.readAllBytes(state.resolve(StateStore.FILE));

        Path broken = tmp.resolve("broken.jsonl");
        Files.writeString(broken, "{\"time\": \"not a time\"}\n");
        CliRun run = CliRun.of("learn", "--cluster", broken.toString(), "--flow-logs", V5, "--state", state.toString(),
                "--out", tmp.resolve("out-2").toString(), "--since", "2026-11-30T11:00:00Z", "--until", "2026-11-30T12:00:00Z");

        assertEquals(ExitCodes.FAILURE, run.exit(), run.err());
        assertTrue(java.util.Arrays.equals(saved, Files.readAllBytes(state.resolve(StateStore.FILE))));
        try (var files = Files.list(state)) {
            // learn.lock stays (never deleted, see StateLock), empty after a clean release
            assertEquals(List.of(io.flowpol.ingest.state.StateLock.FILE, StateStore.FILE),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals("", Files.readString(state.resolve(io.flowpol.ingest.state.StateLock.FILE)));
    }

    @Test
    void helpDocumentsTheStateAndForgetAfterDefaults() {
        CliRun run = CliRun.of("learn", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("Default: .flowpol/state"), run.out());
        assertTrue(run.out().contains("Default: 30d"), run.out());
    }

    @Test
    void recordingItselfNeedsAWindowLength() {
        CliRun run = CliRun.of("learn", "--flow-logs", V5, "--out", tmp.resolve("out").toString(),
                "--state", tmp.resolve("state").toString());
        assertEquals(ExitCodes.USAGE, run.exit());
        assertTrue(run.err().contains("--window"), run.err());
    }

    @Test
    void windowWithClusterDerivesTheEndFromSince() {
        Path state = tmp.resolve("state");
        CliRun run = CliRun.of("learn", "--cluster", RECORDING, "--flow-logs", V5, "--state", state.toString(),
                "--out", tmp.resolve("out").toString(), "--since", "2026-11-30T10:00:00Z", "--window", "30m");
        assertEquals(0, run.exit(), run.err());
        var window = new StateStore(state).load().windows().get(0);
        assertEquals(Instant.parse("2026-11-30T10:30:00Z").toEpochMilli(), window.end());
    }

    @Test
    void withoutClusterLearnRecordsTheWindowIntoTheStateDirectoryWithProgress() throws IOException {
        Path state = tmp.resolve("state");
        try (EmptyApiServer api = new EmptyApiServer()) {
            CliRun run = CliRun.of("learn", "--window", "2s", "--kubeconfig", api.kubeconfig(tmp).toString(),
                    "--flow-logs", V5, "--state", state.toString(), "--out", tmp.resolve("out").toString(),
                    "--allow-empty"); // the demo's flow logs are of another day than the window recorded now
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.err().contains("learning window:") && run.err().contains("pods tracked"), run.err());
        }
        List<Path> recordings;
        try (var files = Files.list(state.resolve("recordings"))) {
            recordings = files.toList();
        }
        assertEquals(1, recordings.size());
        assertTrue(Files.readString(recordings.get(0)).contains("\"kubernetes.io/metadata.name\":\"shop\""));
        var window = new StateStore(state).load().windows().get(0);
        assertEquals(2_000, window.end() - window.start());
    }

    private CliRun laterWindow(Path later, Path state, Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("learn", "--cluster", later.resolve("recording.jsonl").toString(),
                "--flow-logs", later.resolve("flowlogs/v5").toString(), "--state", state.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static Set<String> keys(List<Edge> edges) {
        return edges.stream().map(LearnCommandTest::key).collect(Collectors.toSet());
    }

    private static String key(Edge e) {
        return e.client() + " " + e.server() + " " + e.protocol() + " " + e.port();
    }
}
