package io.flowpol.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's fuzz of {@code flowpol verify} and {@code diff}, the commands where exit 3 is an
 * answer: a real policy set (generate's output of the v5 slice) checked against mutated flow
 * logs and recordings, and mutated policies checked against the real window (diff: the mutated
 * set proposed against the real one). Exit 3 must come with the denied edges of a set that holds
 * policies; anything else keeps the contract of {@link RunChecks}.
 */
class VerifyFuzzTest {
    private static Workspace learned;

    enum Target { FLOW_LOG, RECORDING, POLICY }

    /** The command run: verify, or diff in one of its output formats. */
    enum Command { VERIFY, DIFF_TEXT, DIFF_MARKDOWN, DIFF_JSON }

    record VerifyCase(Command command, Target target, int file, List<Mutation> mutations) implements Fuzz.Case {
        @Override
        public Fuzz.Case withMutations(List<Mutation> m) {
            return new VerifyCase(command, target, file, m);
        }
    }

    @BeforeAll
    static void generatePolicies() {
        learned = Workspace.create();
        FlowpolRun run = GenerateFuzzTest.generate(learned.write("logs/flows.log", FuzzInputs.slice("v5")),
                learned.write("recording.jsonl", FuzzInputs.recording()), learned.dir().resolve("policies"));
        assertEquals(0, run.exit(), run.toString());
    }

    @AfterAll
    static void deletePolicies() {
        learned.close();
    }

    private static List<Path> policyFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theUnmutatedWindowPassesItsOwnPolicies() {
        FlowpolRun run = FlowpolRun.of("verify", "--policies", learned.dir().resolve("policies").toString(),
                "--flow-logs", learned.dir().resolve("logs/flows.log").toString(),
                "--cluster", learned.dir().resolve("recording.jsonl").toString());
        RunChecks.verifyRun(run);
        assertEquals(0, run.exit(), run.toString());
    }

    @Test
    void mutatedInputsAndPoliciesKeepTheContract() {
        // Header edits stay in: a header that lost srcport is exit 3 here too, but verify may answer 3.
        Gen<List<Mutation>> flowLog = Gen.oneOf(LineMutations.flowLog(), ByteMutations.any()).list(1, 3);
        Gen<List<Mutation>> recording = Gen.oneOf(JsonMutations.any(), LineMutations.lines(), ByteMutations.any()).list(1, 3);
        Gen<List<Mutation>> policy = YamlMutations.any().list(1, 3);
        Fuzz.check("verifyMutated", 50, r -> {
            Target target = Gen.of(Target.class).next(r);
            List<Mutation> m = switch (target) {
                case FLOW_LOG -> flowLog.next(r);
                case RECORDING -> recording.next(r);
                case POLICY -> policy.next(r);
            };
            return new VerifyCase(Gen.of(Command.class).next(r), target, r.nextInt(100), m);
        }, c -> {
            try (Workspace ws = Workspace.create()) {
                Path policies = ws.copy(learned.dir().resolve("policies"), "policies");
                byte[] logs = FuzzInputs.slice("v5");
                byte[] events = FuzzInputs.recording();
                switch (c.target()) {
                    case FLOW_LOG -> logs = Mutation.applyAll(logs, c.mutations());
                    case RECORDING -> events = Mutation.applyAll(events, c.mutations());
                    case POLICY -> {
                        List<Path> files = policyFiles(policies);
                        Path file = files.get(c.file() % files.size());
                        ws.write(ws.dir().relativize(file).toString(), Mutation.applyAll(FuzzInputs.read(file), c.mutations()));
                    }
                }
                String flowLogs = ws.write("logs/flows.log", logs).toString();
                String cluster = ws.write("recording.jsonl", events).toString();
                if (c.command() == Command.VERIFY) {
                    RunChecks.verifyRun(FlowpolRun.of("verify", "--policies", policies.toString(),
                            "--flow-logs", flowLogs, "--cluster", cluster));
                } else {
                    String format = c.command().name().substring("DIFF_".length()).toLowerCase(java.util.Locale.ROOT);
                    RunChecks.diffRun(FlowpolRun.of("diff", "--current", learned.dir().resolve("policies").toString(),
                            "--proposed", policies.toString(), "-o", format, "--flow-logs", flowLogs, "--cluster", cluster));
                }
            }
        });
    }
}
