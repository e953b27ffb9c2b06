package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mistakes a first-time user makes, one per test: each ends with the documented exit code
 * (2 for a bad flag or flag value, 1 for bad file content or a failure), a first line
 * {@code flowpol: error: ...} that names the flag or file and what was expected, no Java class
 * name or stack trace, and nothing left behind.
 */
class FirstRunMistakesTest {
    private static final String FLOW_LOGS = Cli.DEMO.resolve("flowlogs/v5").toString();
    private static final String RECORDING = Cli.DEMO.resolve("recording.jsonl").toString();

    @TempDir
    Path tmp;

    private Cli.Result generate(String... extra) {
        List<String> args = new ArrayList<>(List.of("generate", "--flow-logs", FLOW_LOGS, "--cluster", RECORDING,
                "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static String firstLine(Cli.Result r, int exit, String... mentions) {
        assertEquals(exit, r.exitCode(), r.toString());
        String line = r.err().lines().findFirst().orElse("");
        assertTrue(line.startsWith("flowpol: error: "), r.toString());
        for (String m : mentions) {
            assertTrue(line.contains(m), "'" + m + "' in " + line);
        }
        assertFalse(r.err().contains("java."), "no Java class names: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
        return line;
    }

    private void assertNoOutput() throws IOException {
        try (var left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("out")), "no output or temp directory");
        }
    }

    @Test
    void sinceThatIsNotRfc3339IsAUsageErrorShowingTheExpectedForm() throws IOException {
        firstLine(generate("--since", "yesterday"), 2, "--since", "RFC 3339", "2026-11-30T10:00:00Z", "'yesterday'");
        firstLine(generate("--until", "2026-11-30"), 2, "--until", "RFC 3339");
        assertNoOutput();
    }

    @Test
    void anRfc3339TimeWithAnOffsetOrLowercaseSeparatorIsAccepted() {
        Cli.Result r = generate("--since", "2026-11-30t11:00:00+01:00", "--until", "2026-11-30T09:00:00z");
        firstLine(r, 2, "--until must be after --since");
    }

    @Test
    void anOutOfRangeFlagValueIsAUsageErrorWithAPointerToHelp() throws IOException {
        Cli.Result prefix = generate("--aggregate-external", "/99");
        firstLine(prefix, 2, "--aggregate-external", "/8 to /32", "/99");
        assertTrue(prefix.err().contains("Try 'flowpol generate --help'"), prefix.err());
        firstLine(generate("--min-connections", "0"), 2, "--min-connections", ">= 1", "0");
        firstLine(generate("--snat-egress", "maybe"), 2, "--snat-egress", "report-only", "maybe");
        assertNoOutput();
    }

    @Test
    void aMistypedFlagAfterAMultiValueOptionIsAnUnknownOptionNotAFileName() {
        Cli.Result r = Cli.run("verify", "--policies", tmp.toString(), "--flow-logs", FLOW_LOGS, "--cluster", RECORDING,
                "-o", "yaml");
        firstLine(r, 2, "Unknown option", "'-o'");
        assertEquals("", r.out(), "nothing was read or verified");
    }

    @Test
    void anUnknownFieldInTheFlowLogFormatNamesTheFlag() throws IOException {
        firstLine(generate("--flow-log-format", "${version} ${bogus-field}"), 2, "--flow-log-format", "${bogus-field}");
        assertNoOutput();
    }

    @Test
    void anEmptyFlowLogDirectoryIsNamedPlainly() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("logs"));
        Cli.Result r = Cli.run("generate", "--flow-logs", empty.toString(), "--cluster", RECORDING,
                "--out", tmp.resolve("out").toString());
        String line = firstLine(r, 1, "--flow-logs", "at least one flow-log file");
        assertTrue(line.startsWith("flowpol: error: " + empty + ": "), line);
        assertNoOutput();
    }

    @Test
    void aDirectoryGivenAsTheRecordingIsNamedAsSuch() throws IOException {
        firstLine(Cli.run("generate", "--flow-logs", FLOW_LOGS, "--cluster", Cli.DEMO.toString(),
                "--out", tmp.resolve("out").toString()), 1, Cli.DEMO.toString(), "a directory");
        assertNoOutput();
    }

    @Test
    void anOutputPathThatCannotBeCreatedNamesTheOutFlagNotATemporaryDirectory() throws IOException {
        Files.writeString(tmp.resolve("blocker"), "a file where a directory should be");
        Path out = tmp.resolve("blocker/policies");
        String line = firstLine(Cli.run("generate", "--flow-logs", FLOW_LOGS, "--cluster", RECORDING, "--out",
                out.toString()), 1, out.toString(), "--out:", "a file in the way");
        assertFalse(line.contains("flowpol-new"), line);
    }

    @Test
    void anOutputDirectoryHoldingOtherFilesIsRefusedNamingTheOutFlag() throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        firstLine(Cli.run("generate", "--flow-logs", FLOW_LOGS, "--cluster", RECORDING, "--out", mine.toString()),
                1, "--out:", "notes.txt");
    }

    private Cli.Result learn(Path state) {
        return Cli.run("learn", "--flow-logs", FLOW_LOGS, "--cluster", RECORDING, "--since", "2026-11-30T10:00:00Z",
                "--until", "2026-11-30T12:00:00Z", "--state", state.toString(), "--out", tmp.resolve("out").toString());
    }

    @Test
    void aCorruptLearnStateNamesFileAndLineWithoutParserInternals() throws IOException {
        Path state = Files.createDirectories(tmp.resolve("state"));
        Files.writeString(state.resolve("state.json"), "{\"edges\": [\n");
        String line = firstLine(learn(state), 1, state.resolve("state.json") + ":", "--state");
        assertFalse(line.contains("Source:"), line);
        assertNoOutput();
    }

    @Test
    void aLearnStateThatIsAFileIsRefusedBeforeAnyPolicyIsWritten() throws IOException {
        Path state = Files.writeString(tmp.resolve("state.txt"), "not a directory");
        Cli.Result r = learn(state);
        firstLine(r, 1, state.toString(), "--state", "a directory");
        assertFalse(r.err().contains("flow-log records"), "refused before reading: " + r.err());
        assertNoOutput();
    }

    private Cli.Result propose(String repository) {
        return Cli.run("propose", "--git-repo", repository, "--dry-run", "--flow-logs", FLOW_LOGS, "--cluster", RECORDING);
    }

    @Test
    void proposeToAMissingRepositoryFailsBeforeLearning() {
        Path missing = tmp.resolve("no-such-repo");
        Cli.Result r = propose(missing.toString());
        firstLine(r, 1, missing.toString(), "--git-repo", "no such directory");
        assertFalse(r.err().contains("flow-log records"), "refused before reading: " + r.err());
    }

    @Test
    void proposeToADirectoryThatIsNoGitRepositorySaysSo() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        firstLine(propose(plain.toString()), 1, "--git-repo", "not a git repository");
    }

    @Test
    void proposeToAnSshRemoteIsAUsageError() {
        firstLine(propose("git@github.com:acme/gitops.git"), 2, "--git-repo", "SSH remotes are not supported");
    }

    /** A kubeconfig whose API server refuses connections (a closed loopback port). */
    private Path unreachableKubeconfig() throws IOException {
        return Files.writeString(tmp.resolve("kubeconfig"), String.join("\n",
                "apiVersion: v1", "kind: Config", "current-context: c",
                "clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1', insecure-skip-tls-verify: true}}]",
                "users: [{name: u, user: {token: t}}]", "contexts: [{name: c, context: {cluster: c, user: u}}]", ""));
    }

    private static String errorLine(Cli.Result r) {
        return r.err().lines().filter(l -> l.startsWith("flowpol: error: ")).findFirst().orElseThrow(
                () -> new AssertionError(r.toString()));
    }

    @Test
    void recordThatCannotReachTheClusterLeavesNoEmptyRecordingBehind() throws IOException {
        Path out = tmp.resolve("recording.jsonl");
        Cli.Result r = Cli.run("record", "--kubeconfig", unreachableKubeconfig().toString(), "--out", out.toString(),
                "--duration", "3s");
        assertEquals(1, r.exitCode(), r.toString());
        String line = errorLine(r);
        assertTrue(line.contains("expected a reachable API server") && line.contains("127.0.0.1:1"), line);
        assertFalse(r.err().contains("java."), "no Java class names: " + r.err());
        assertFalse(Files.exists(out), "an empty file would later pass for a recording");
    }

    @Test
    void learnThatCannotReachTheClusterLeavesNoEmptyRecordingInTheState() throws IOException {
        Path state = tmp.resolve("state");
        Cli.Result r = Cli.run("learn", "--window", "3s", "--kubeconfig", unreachableKubeconfig().toString(),
                "--flow-logs", FLOW_LOGS, "--state", state.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(errorLine(r).contains("expected a reachable API server"), r.toString());
        try (var files = Files.walk(state)) {
            // the lock file stays, empty (StateLock never deletes it)
            assertTrue(files.filter(f -> !f.getFileName().toString().equals(io.flowpol.ingest.state.StateLock.FILE))
                    .noneMatch(Files::isRegularFile), "no recording or state file left in " + state);
        }
        assertEquals("", Files.readString(state.resolve(io.flowpol.ingest.state.StateLock.FILE)));
        assertNoOutput();
    }

    @Test
    void recordIntoAMissingDirectoryNamesTheOutFlag() throws IOException {
        Path out = tmp.resolve("missing/dir/recording.jsonl");
        Path kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), String.join("\n",
                "apiVersion: v1", "kind: Config", "current-context: c",
                "clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1'}}]",
                "users: [{name: u, user: {token: t}}]", "contexts: [{name: c, context: {cluster: c, user: u}}]", ""));
        Cli.Result r = Cli.run("record", "--kubeconfig", kubeconfig.toString(), "--out", out.toString(), "--duration", "5s");
        firstLine(r, 1, out.toString(), "--out", "a writable file");
    }
    @Test
    void aPolicyFileWithAYamlSyntaxErrorNamesFileLineDocumentAndTheProblem() throws IOException {
        Path policy = Files.writeString(tmp.resolve("p.yaml"), String.join("\n", "apiVersion: networking.k8s.io/v1",
                "kind: NetworkPolicy", "metadata: {name: x, namespace: shop}", "spec: [", "  podSelector: {}", ""));
        Cli.Result r = Cli.run("verify", "--policies", policy.toString(), "--flow-logs", FLOW_LOGS, "--cluster", RECORDING);
        String line = firstLine(r, 1, policy + ":", "document 1:", "valid YAML");
        assertTrue(line.contains("expected ',' or ']'"), "the problem, not only its context: " + line);
    }

    @Test
    void verifyAgainstADirectoryWithoutPoliciesWarnsThatNothingIsRestricted() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("policies"));
        Cli.Result r = Cli.run("verify", "--policies", empty.toString(), "--flow-logs", FLOW_LOGS, "--cluster", RECORDING);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("flowpol: warning: --policies " + empty + " holds no NetworkPolicy"), r.err());
    }
    @Test
    void aFileOfWhichNoLineIsAFlowLogRecordIsAnErrorNotAnEmptyWindow() throws IOException {
        Cli.Result r = Cli.run("generate", "--flow-logs", RECORDING, "--cluster", RECORDING,
                "--out", tmp.resolve("out").toString());
        firstLine(r, 1, RECORDING, "--flow-logs", "no valid record");
        assertNoOutput();
    }
    @Test
    void aMissingPolicyPathIsNamedOnceWithWhatWasExpected() {
        Path missing = tmp.resolve("no-policies");
        String line = firstLine(Cli.run("diff", "--current", missing.toString(), "--proposed", tmp.toString()), 1,
                missing + ": expected a readable policy file or directory, found no such file or directory");
        assertEquals(line.indexOf(missing.toString()), line.lastIndexOf(missing.toString()), line);
    }
    @Test
    void aZeroLearnWindowIsAUsageErrorQuotingTheValueAsTyped() {
        firstLine(Cli.run("learn", "--window", "0s", "--flow-logs", FLOW_LOGS, "--out", tmp.resolve("out").toString()),
                2, "--window: expected a positive duration, found 0s");
        firstLine(learnWith("--forget-after", "0m"), 2, "--forget-after: expected a positive duration, found 0s");
    }

    private Cli.Result learnWith(String... extra) {
        List<String> args = new ArrayList<>(List.of("learn", "--flow-logs", FLOW_LOGS, "--cluster", RECORDING,
                "--since", "2026-11-30T10:00:00Z", "--until", "2026-11-30T12:00:00Z",
                "--state", tmp.resolve("state").toString(), "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }
    @Test
    void proposeAgainstAMissingBaseBranchNamesItAndLeavesNoCloneBehind() throws Exception {
        Path repo = tmp.resolve("gitops");
        try (var git = org.eclipse.jgit.api.Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            git.commit().setMessage("init").setAllowEmpty(true).setSign(false)
                    .setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        Cli.Result r = Cli.run("propose", "--git-repo", repo.toString(), "--base", "trunk", "--dry-run",
                "--flow-logs", FLOW_LOGS, "--cluster", RECORDING);
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("flowpol: error: " + repo + ": --base: expected a branch of the repository, found no branch trunk",
                errorLine(r));
        try (var temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(temp.filter(p -> p.getFileName().toString().startsWith("flowpol-propose-"))
                    .noneMatch(p -> clonedFrom(p, repo)), "a clone of " + repo + " was left in the temp directory");
        }
    }

    private static boolean clonedFrom(Path clone, Path repo) {
        try {
            return Files.readString(clone.resolve(".git/config")).contains(repo.getFileName().toString())
                    && Files.readString(clone.resolve(".git/config")).contains(repo.getParent().getFileName().toString());
        } catch (IOException gone) {
            return false;
        }
    }
}
