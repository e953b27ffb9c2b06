package io.flowpol.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's fuzz of {@code flowpol generate}: the demo's flow logs, recording and gzip objects,
 * mutated, never make it exit 3 (its self-check failing is a flowpol bug), print a stack trace
 * or a class name, write (or change) its output on failure, or let an Error escape. Budget and
 * seeds: {@link Fuzz}.
 */
class GenerateFuzzTest {
    /** An earlier run's output, copied to --out in half the tries: a failing run must leave it as it was. */
    private static Workspace previous;

    record FlowLogCase(String version, boolean gzip, List<OptionChoice> options, boolean outExists,
                       List<Mutation> mutations) implements Fuzz.Case {
        @Override
        public Fuzz.Case withMutations(List<Mutation> m) {
            return new FlowLogCase(version, gzip, options, outExists, m);
        }
    }

    record RecordingCase(List<OptionChoice> options, boolean outExists, List<Mutation> mutations) implements Fuzz.Case {
        @Override
        public Fuzz.Case withMutations(List<Mutation> m) {
            return new RecordingCase(options, outExists, m);
        }
    }

    record GzipCase(String version, boolean outExists, List<Mutation> mutations) implements Fuzz.Case {
        @Override
        public Fuzz.Case withMutations(List<Mutation> m) {
            return new GzipCase(version, outExists, m);
        }
    }

    @BeforeAll
    static void generatePreviousOutput() {
        previous = Workspace.create();
        FlowpolRun run = generate(previous.write("logs/flows.log", FuzzInputs.slice("v5")),
                previous.write("recording.jsonl", FuzzInputs.recording()), previous.dir().resolve("out"));
        assertEquals(0, run.exit(), run.toString());
    }

    @AfterAll
    static void deletePreviousOutput() {
        previous.close();
    }

    static FlowpolRun generate(Path flowLogs, Path recording, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("generate", "--flow-logs", flowLogs.toString(),
                "--cluster", recording.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return FlowpolRun.of(args.toArray(String[]::new));
    }

    /** Runs generate in {@code ws} and checks the contract; {@code outExists}: --out holds a previous output. */
    private static FlowpolRun generateAndCheck(Workspace ws, Path flowLogs, Path recording, boolean outExists, String... extra) {
        Path out = ws.dir().resolve("out");
        if (outExists) {
            ws.copy(previous.dir().resolve("out"), "out");
        }
        Map<String, byte[]> before = RunChecks.snapshot(out);
        Set<String> siblings = RunChecks.entries(ws.dir());
        FlowpolRun run = generate(flowLogs, recording, out, extra);
        RunChecks.writerRun(run, out, before, siblings);
        return run;
    }

    @Test
    void theUnmutatedSlicesLearnPolicies() {
        for (String version : List.of("v2", "v5")) {
            try (Workspace ws = Workspace.create()) {
                FlowpolRun run = generateAndCheck(ws, ws.write("logs/flows.log", FuzzInputs.slice(version)),
                        ws.write("recording.jsonl", FuzzInputs.recording()), false);
                assertEquals(0, run.exit(), run.toString());
                assertTrue(run.out().contains(" edges,") && !run.out().contains("learned 0 edges"),
                        "the slice yields edges, so the self-check has work\n" + run);
            }
        }
    }

    /**
     * Each option value alone, on the unmutated v5 slice (the fuzz combines them with v2 too): a
     * usage error exactly when it is invalid (a valid one may still leave nothing to learn, exit
     * 1: --since 2099).
     */
    @Test
    void everyOptionChoiceKeepsTheContract() {
        for (String version : List.of("v5")) {
            for (OptionChoice option : OptionChoice.values()) {
                try (Workspace ws = Workspace.create()) {
                    FlowpolRun run = generateAndCheck(ws, ws.write("logs/flows.log", FuzzInputs.slice(version)),
                            ws.write("recording.jsonl", FuzzInputs.recording()), false, OptionChoice.args(List.of(option)));
                    assertEquals(option.invalid(), run.exit() == 2, option + "\n" + run);
                    if (option.invalid()) {
                        assertTrue(run.err().contains(OptionChoice.args(List.of(option))[0]), "names the flag\n" + run);
                    }
                }
            }
        }
    }

    @Test
    void mutatedFlowLogLinesKeepTheContract() {
        Gen<List<Mutation>> mutations = Gen.oneOf(LineMutations.flowLog(), LineMutations.flowLog(), ByteMutations.any())
                .list(1, 4);
        Fuzz.check("mutatedFlowLogLines", 60,
                r -> new FlowLogCase(Gen.of("v2", "v5").next(r), r.nextBoolean(), OptionChoice.any().next(r),
                        r.nextBoolean(), mutations.next(r)),
                c -> {
                    byte[] text = Mutation.applyAll(FuzzInputs.slice(c.version()), c.mutations());
                    try (Workspace ws = Workspace.create()) {
                        Path logs = c.gzip() ? ws.write("logs/flows.log.gz", GzipMutations.gzip(text))
                                : ws.write("logs/flows.log", text);
                        generateAndCheck(ws, logs, ws.write("recording.jsonl", FuzzInputs.recording()), c.outExists(),
                                OptionChoice.args(c.options()));
                    }
                });
    }

    @Test
    void mutatedRecordingEventsKeepTheContract() {
        Gen<List<Mutation>> mutations = Gen.oneOf(JsonMutations.any(), JsonMutations.any(), LineMutations.lines(),
                ByteMutations.any()).list(1, 3);
        Fuzz.check("mutatedRecordingEvents", 60,
                r -> new RecordingCase(OptionChoice.any().next(r), r.nextBoolean(), mutations.next(r)),
                c -> {
                    byte[] recording = Mutation.applyAll(FuzzInputs.recording(), c.mutations());
                    try (Workspace ws = Workspace.create()) {
                        generateAndCheck(ws, ws.write("logs/flows.log", FuzzInputs.slice("v5")),
                                ws.write("recording.jsonl", recording), c.outExists(), OptionChoice.args(c.options()));
                    }
                });
    }

    @Test
    void mutatedGzipStreamsKeepTheContract() {
        Gen<List<Mutation>> mutations = GzipMutations.any(FuzzInputs.someV5Records()).list(1, 3);
        Fuzz.check("mutatedGzipStreams", 30,
                r -> new GzipCase(Gen.of("v2", "v5").next(r), r.nextBoolean(), mutations.next(r)),
                c -> {
                    byte[] object = Mutation.applyAll(FuzzInputs.object(c.version()), c.mutations());
                    try (Workspace ws = Workspace.create()) {
                        generateAndCheck(ws, ws.write("logs/flows.log.gz", object),
                                ws.write("recording.jsonl", FuzzInputs.recording()), c.outExists());
                    }
                });
    }

    @Test
    void theFuzzBudgetIsBoundedByDefault() {
        if (System.getProperty("flowpol.fuzz.tries") == null && !Boolean.getBoolean("fuzz.long")) {
            assertEquals(60, Fuzz.tries(60));
            assertEquals(Fuzz.CI_SEED, Fuzz.seed());
        }
        assertFalse(Fuzz.tries(60) < 0);
    }
}
