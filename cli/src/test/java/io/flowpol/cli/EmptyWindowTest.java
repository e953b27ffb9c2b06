package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input without traffic (no record, or none in the window) would replace good policies with a set
 * that denies everything (issue 12 item 4): generate, learn and propose refuse it with exit 1 and
 * leave the previous output, state and branch as they were, unless --allow-empty.
 */
class EmptyWindowTest {
    private static final String FLOW_LOGS = Cli.DEMO.resolve("flowlogs/v5").toString();
    private static final String RECORDING = Cli.DEMO.resolve("recording.jsonl").toString();
    /** The demo's traffic is from 10:00 to 12:00 on 2026-11-30; this window holds none of it. */
    private static final String[] EMPTY_WINDOW = {"--since", "2026-11-30T13:00:00Z", "--until", "2026-11-30T14:00:00Z"};

    @TempDir
    Path tmp;
    private Path out;
    private String report;

    @BeforeEach
    void goodOutput() throws IOException {
        out = tmp.resolve("out");
        Cli.Result good = generate(FLOW_LOGS);
        assertEquals(0, good.exitCode(), good.toString());
        report = Files.readString(out.resolve("report.md"));
    }

    private Cli.Result generate(String flowLogs, String... extra) {
        List<String> args = new ArrayList<>(List.of("generate", "--flow-logs", flowLogs, "--cluster", RECORDING,
                "--out", out.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private void assertRefused(Cli.Result r, String... mentions) throws IOException {
        assertEquals(1, r.exitCode(), r.toString());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("flowpol: error: ")).toList();
        assertEquals(1, lines.size(), r.err());
        for (String m : List.of(mentions)) {
            assertTrue(lines.get(0).contains(m), "'" + m + "' in " + lines.get(0));
        }
        assertTrue(lines.get(0).contains("--allow-empty"), lines.get(0));
        assertEquals(report, Files.readString(out.resolve("report.md")), "the previous output is kept");
    }

    @Test
    void aWindowWithoutTrafficKeepsThePreviousOutput() throws IOException {
        assertRefused(generate(FLOW_LOGS, EMPTY_WINDOW), FLOW_LOGS, "outside the learning window");
    }

    @Test
    void flowLogsWithoutARecordKeepThePreviousOutput() throws IOException {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(logs.resolve("header-only.log"), Files.readAllLines(Cli.DEMO.resolve("format-v5.txt")).get(0)
                .replace("${", "").replace("}", "") + "\n");

        assertRefused(generate(logs.toString()), logs.toString(), "no flow-log record");
    }

    @Test
    void allowEmptyWritesTheEmptyWindowsPolicies() throws IOException {
        Cli.Result r = generate(FLOW_LOGS, "--allow-empty", EMPTY_WINDOW[0], EMPTY_WINDOW[1], EMPTY_WINDOW[2],
                EMPTY_WINDOW[3]);

        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(report.equals(Files.readString(out.resolve("report.md"))), "replaced");
    }

    @Test
    void learnKeepsItsStateAndOutput() throws IOException {
        Path state = tmp.resolve("state");
        List<String> learn = new ArrayList<>(List.of("learn", "--flow-logs", FLOW_LOGS, "--cluster", RECORDING,
                "--state", state.toString(), "--out", out.toString()));
        Cli.Result first = Cli.run(learn.toArray(String[]::new));
        assertEquals(0, first.exitCode(), first.toString());
        report = Files.readString(out.resolve("report.md"));
        byte[] saved = Files.readAllBytes(state.resolve("state.json"));
        learn.addAll(List.of(EMPTY_WINDOW));

        assertRefused(Cli.run(learn.toArray(String[]::new)), "outside the learning window");

        assertEquals(new String(saved), Files.readString(state.resolve("state.json")), "the state is not saved");
    }

    @Test
    void proposePushesNothing() throws Exception {
        Path remote = tmp.resolve("gitops.git");
        Git.init().setBare(true).setDirectory(remote.toFile()).setInitialBranch("main").call().close();
        Path seed = tmp.resolve("seed");
        try (Git git = Git.init().setDirectory(seed.toFile()).setInitialBranch("main").call()) {
            Files.writeString(seed.resolve("README.md"), "policies live here\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("seed").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
            git.push().setRemote(remote.toUri().toString()).setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).call();
        }
        List<String> propose = new ArrayList<>(List.of("propose", "--git-repo", remote.toString(),
                "--flow-logs", FLOW_LOGS, "--cluster", RECORDING));
        propose.addAll(List.of(EMPTY_WINDOW));

        assertRefused(Cli.run(propose.toArray(String[]::new)), "outside the learning window");

        try (Git git = Git.open(remote.toFile()); Repository repo = git.getRepository()) {
            assertNull(repo.findRef("refs/heads/flowpol/proposal"), "no branch pushed");
        }
    }
}
