package io.flowpol.cli.propose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProposerTest {
    private static final String TOKEN = "ghp_secretTOKEN123";

    @TempDir
    Path tmp;
    private Path remote;
    private GitHubApiTestServer github;

    @BeforeEach
    void setUp() throws Exception {
        github = new GitHubApiTestServer();
        remote = tmp.resolve("remote.git");
        Git.init().setBare(true).setDirectory(remote.toFile()).setInitialBranch("main").call().close();
        Path seed = tmp.resolve("seed");
        try (Git git = Git.init().setDirectory(seed.toFile()).setInitialBranch("main").call()) {
            write(seed.resolve("README.md"), "gitops\n");
            write(seed.resolve("policies/shop/hand-made.yaml"),
                    "metadata:\n  annotations:\n    flowpol.io/managed: \"false\"\n  name: hand-made\n");
            write(seed.resolve("policies/shop/stale.yaml"), "kind: NetworkPolicy\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("seed").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
            git.push().setRemote(remote.toUri().toString())
                    .setRefSpecs(new org.eclipse.jgit.transport.RefSpec("refs/heads/main:refs/heads/main")).call();
        }
    }

    @AfterEach
    void tearDown() {
        github.close();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Path generated(String name, String content) throws IOException {
        Path dir = tmp.resolve("gen-" + name);
        write(dir.resolve("networkpolicies/shop/cart.yaml"), content);
        write(dir.resolve("kustomization.yaml"), "resources: []\n");
        return dir;
    }

    private ProposalRequest request(Path generated, boolean dryRun) {
        return new ProposalRequest(remote.toString(), "main", "flowpol/proposal", "policies", generated,
                "flowpol: proposed policies", "flowpol: proposed network policies", current -> "body for " + generated.getFileName(),
                List.of("network-policy"), List.of("alice"), "flowpol", "flowpol@example.com", dryRun);
    }

    private Proposer proposer() {
        return new Proposer(new GitHubClient(github.api(), "acme/gitops", TOKEN), null);
    }

    private String remoteFile(String branch, String path) throws IOException {
        try (Repository repo = Git.open(remote.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve("refs/heads/" + branch);
            if (head == null) {
                return null;
            }
            TreeWalk tw = TreeWalk.forPath(repo, path, walk.parseCommit(head).getTree());
            return tw == null ? null : new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theOutputManifestIsNotCommitted() throws Exception {
        Path generated = generated("m", "v: 1\n");
        write(generated.resolve(io.flowpol.templates.render.OutputTarget.MANIFEST), "0".repeat(64) + "  kustomization.yaml\n");

        proposer().propose(request(generated, false));

        assertNotNull(remoteFile("flowpol/proposal", "policies/kustomization.yaml"));
        assertNull(remoteFile("flowpol/proposal", "policies/" + io.flowpol.templates.render.OutputTarget.MANIFEST));
    }

    @Test
    void firstRunCreatesBranchAndPullRequestSecondUpdatesItThirdDoesNothing() throws Exception {
        ProposalResult first = proposer().propose(request(generated("1", "v: 1\n"), false));
        assertEquals(ProposalResult.Outcome.CREATED, first.outcome());
        assertEquals("v: 1\n", remoteFile("flowpol/proposal", "policies/networkpolicies/shop/cart.yaml"));
        assertNull(remoteFile("flowpol/proposal", "policies/shop/stale.yaml"), "unmanaged old files are replaced");
        assertNotNull(remoteFile("flowpol/proposal", "policies/shop/hand-made.yaml"), "human-kept files stay");
        assertEquals(List.of("policies/shop/hand-made.yaml"), first.keptFiles());
        assertEquals(1, github.pulls.size());
        assertEquals("flowpol/proposal", github.pulls.get(1).path("head").asText());

        ProposalResult second = proposer().propose(request(generated("2", "v: 2\n"), false));
        assertEquals(ProposalResult.Outcome.UPDATED, second.outcome());
        assertEquals(1, second.pullRequest().number());
        assertEquals(1, github.pulls.size(), "the same pull request is updated, no second one");
        assertEquals("body for gen-2", github.pulls.get(1).path("body").asText());
        assertEquals("v: 2\n", remoteFile("flowpol/proposal", "policies/networkpolicies/shop/cart.yaml"));

        int callsBefore = github.calls.size();
        ProposalResult third = proposer().propose(request(generated("3", "v: 2\n"), false));
        assertEquals(ProposalResult.Outcome.NO_CHANGE, third.outcome());
        assertEquals(callsBefore, github.calls.size(), "no API call when nothing changed");
        assertTrue(github.calls.stream().allMatch(c -> ("Bearer " + TOKEN).equals(c.authorization())));
    }

    @Test
    void dryRunCommitsLocallyButPushesNothing() throws Exception {
        ProposalResult result = proposer().propose(request(generated("d", "v: 1\n"), true));
        assertEquals(ProposalResult.Outcome.DRY_RUN, result.outcome());
        assertNotNull(result.commit());
        assertNull(remoteFile("flowpol/proposal", "policies/networkpolicies/shop/cart.yaml"));
        assertTrue(github.calls.isEmpty());
    }

    @Test
    void rejectedTokenFailsBeforeThePushAndNeverLeaksTheToken() throws Exception {
        github.fail("GET", 401);
        GitHubException e = assertThrows(GitHubException.class,
                () -> proposer().propose(request(generated("x", "v: 1\n"), false)));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("token was rejected"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
        assertNull(remoteFile("flowpol/proposal", "README.md"), "the branch was never pushed");
    }

    @Test
    void unprocessablePullRequestRollsTheRemoteBranchBack() throws Exception {
        github.fail("POST /repos/acme/gitops/pulls", 422);
        GitHubException e = assertThrows(GitHubException.class,
                () -> proposer().propose(request(generated("y", "v: 1\n"), false)));
        assertEquals(422, e.status());
        assertNull(remoteFile("flowpol/proposal", "README.md"), "the new branch was deleted again");
        assertNotNull(remoteFile("main", "policies/shop/stale.yaml"), "base untouched");
    }
}
