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
                "flowpol: proposed policies", "flowpol: proposed network policies", (base, proposed) -> "body for " + generated.getFileName() + "\nbase: " + files(base) + "\nproposed: " + files(proposed),
                List.of("network-policy"), List.of("alice"), "flowpol", "flowpol@example.com", dryRun);
    }

    /** The files below {@code dir}, relative and sorted, "none" when it does not exist. */
    private static String files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "none";
        }
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/')).sorted().toList().toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Commits {@code text} at {@code path} on the remote's main, as a team member pushing to the base would. */
    private void commitOnMain(String path, String text) throws Exception {
        Path clone = Files.createTempDirectory(tmp, "human-");
        try (Git git = Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(clone.toFile()).setBranch("main").call()) {
            write(clone.resolve(path), text);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("human edit").setAuthor("h", "h@example.com").setCommitter("h", "h@example.com").call();
            git.push().call();
        }
    }

    /** Merges the proposal branch into main with a merge commit and keeps the branch, as GitHub's merge button does. */
    private void mergeProposal(int pullNumber) throws Exception {
        Path clone = Files.createTempDirectory(tmp, "merge-");
        try (Git git = Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(clone.toFile()).setBranch("main").call()) {
            var result = git.merge().include(git.getRepository().resolve("origin/flowpol/proposal"))
                    .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF).setMessage("Merge pull request").call();
            assertTrue(result.getMergeStatus().isSuccessful(), result.toString());
            git.push().call();
        }
        github.pulls.get(pullNumber).put("state", "closed");
    }

    /** The proposal branch is exactly one commit whose parent is the tip of main (so merge-base = main). */
    private void assertOneCommitOnMain() throws IOException {
        try (Repository repo = Git.open(remote.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            var tip = walk.parseCommit(repo.resolve("refs/heads/flowpol/proposal"));
            assertEquals(1, tip.getParentCount());
            assertEquals(repo.resolve("refs/heads/main"), tip.getParent(0).getId(), "the proposal sits on today's main");
        }
    }

    private long calls(String suffix) {
        return github.calls.stream().filter(c -> c.path().endsWith(suffix)).count();
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
        assertTrue(github.pulls.get(1).path("body").asText().startsWith("body for gen-2\n"));
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
        ForgeException e = assertThrows(ForgeException.class,
                () -> proposer().propose(request(generated("x", "v: 1\n"), false)));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("token was rejected"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
        assertNull(remoteFile("flowpol/proposal", "README.md"), "the branch was never pushed");
    }

    @Test
    void unprocessablePullRequestRollsTheRemoteBranchBack() throws Exception {
        github.fail("POST /repos/acme/gitops/pulls", 422);
        ForgeException e = assertThrows(ForgeException.class,
                () -> proposer().propose(request(generated("y", "v: 1\n"), false)));
        assertEquals(422, e.status());
        assertNull(remoteFile("flowpol/proposal", "README.md"), "the new branch was deleted again");
        assertNotNull(remoteFile("main", "policies/shop/stale.yaml"), "base untouched");
    }

    @Test
    void theDailyLoopKeepsOneCommitOnTodaysBaseThroughBaseEditsAndMerges() throws Exception {
        // day 1: a first proposal
        assertEquals(ProposalResult.Outcome.CREATED, proposer().propose(request(generated("1", "v: 1\n"), false)).outcome());
        assertOneCommitOnMain();

        // day 2: main now holds a file the proposal rewrites (was: "Checkout conflict with files")
        commitOnMain("policies/networkpolicies/shop/cart.yaml", "v: 0\n");
        ProposalResult day2 = proposer().propose(request(generated("2", "v: 2\n"), false));
        assertEquals(ProposalResult.Outcome.UPDATED, day2.outcome());
        assertOneCommitOnMain();
        assertEquals("v: 2\n", remoteFile("flowpol/proposal", "policies/networkpolicies/shop/cart.yaml"));
        assertTrue(day2.body().contains("base: [networkpolicies/shop/cart.yaml, shop/hand-made.yaml, shop/stale.yaml]"),
                "the body compares with today's main, not with yesterday's proposal: " + day2.body());
        assertTrue(day2.body().contains(SinceLastUpdate.HEADING + "\n\nCompared with the previous version"), day2.body());
        assertTrue(day2.body().contains("- changed `policies/networkpolicies/shop/cart.yaml`"), day2.body());

        // the pull request is merged with the branch kept; the same policies again: nothing to do
        mergeProposal(1);
        int callsBefore = github.calls.size();
        assertEquals(ProposalResult.Outcome.NO_CHANGE, proposer().propose(request(generated("3", "v: 2\n"), false)).outcome());
        assertEquals(callsBefore, github.calls.size(), "no API call when main already holds the policies");

        // day 4 and 5: new policies after the merge open a new pull request, then update it
        ProposalResult day4 = proposer().propose(request(generated("4", "v: 4\n"), false));
        assertEquals(ProposalResult.Outcome.CREATED, day4.outcome());
        assertEquals(2, day4.pullRequest().number());
        assertOneCommitOnMain();
        assertFalse(day4.body().contains(SinceLastUpdate.HEADING), "the previous proposal was merged: nothing to compare with");
        commitOnMain("README.md", "moved on\n");
        assertEquals(ProposalResult.Outcome.UPDATED, proposer().propose(request(generated("5", "v: 5\n"), false)).outcome());
        assertOneCommitOnMain();
        assertEquals("moved on\n", remoteFile("flowpol/proposal", "README.md"), "rebuilt on the moved base");
        callsBefore = github.calls.size();
        assertEquals(ProposalResult.Outcome.NO_CHANGE, proposer().propose(request(generated("6", "v: 5\n"), false)).outcome());
        assertEquals(callsBefore, github.calls.size());

        assertEquals(2, calls("/labels"), "labels only on the two new pull requests");
        assertEquals(2, calls("/requested_reviewers"), "reviewers only asked on the two new pull requests");
    }

    @Test
    void keptFilesStayListedInKustomizationAndReachTheBodyAsProposed() throws Exception {
        Path generated = generated("k", "v: 1\n");
        write(generated.resolve("kustomization.yaml"), "# Generated by flowpol\nresources:\n  - networkpolicies/shop/cart.yaml\n");

        ProposalResult result = proposer().propose(request(generated, false));

        assertEquals("# Generated by flowpol\nresources:\n  - networkpolicies/shop/cart.yaml\n  - shop/hand-made.yaml\n",
                remoteFile("flowpol/proposal", "policies/kustomization.yaml"));
        assertTrue(result.body().contains("proposed: [kustomization.yaml, networkpolicies/shop/cart.yaml, shop/hand-made.yaml]"),
                result.body());
    }

    @Test
    void anHttpRemoteThatWantsCredentialsSaysTheTokenGoesOverHttpsOnly() throws Exception {
        try (var server = UnauthorizedGitServer.start()) {
            String url = server.url();
            var e = assertThrows(io.flowpol.inference.model.InputException.class, () -> new Proposer(null, null)
                    .propose(new ProposalRequest(url, "main", "flowpol/proposal", "policies", generated("h", "v: 1\n"),
                            "m", "t", (b, p) -> "", List.of(), List.of(), "f", "f@example.com", false)));
            assertTrue(e.getMessage().contains("only sent over HTTPS"), e.getMessage());
            assertFalse(e.getMessage().contains("CredentialsProvider"), e.getMessage());

            var wrong = assertThrows(io.flowpol.inference.model.InputException.class, () -> new Proposer(null,
                    new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider("x-access-token", TOKEN))
                    .propose(new ProposalRequest(url, "main", "flowpol/proposal", "policies", generated("w", "v: 1\n"),
                            "m", "t", (b, p) -> "", List.of(), List.of(), "f", "f@example.com", false)));
            assertTrue(wrong.getMessage().contains("GITHUB_TOKEN") && wrong.getMessage().contains("--github-token-file"),
                    wrong.getMessage());
            assertFalse(wrong.getMessage().contains(TOKEN));
        }
    }

    @Test
    void aPushToTheBranchWhileFlowpolRunsIsRefusedNotOverwritten() throws Exception {
        proposer().propose(request(generated("1", "v: 1\n"), false));
        Path clone = tmp.resolve("reviewer");
        ProposalRequest racing = new ProposalRequest(remote.toString(), "main", "flowpol/proposal", "policies",
                generated("2", "v: 2\n"), "m", "t", (base, proposed) -> {
                    // a reviewer pushes to the branch after flowpol cloned it and before flowpol pushes
                    try (Git git = Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(clone.toFile())
                            .setBranch("flowpol/proposal").call()) {
                        write(clone.resolve("policies/review-note.yaml"), "note: 1\n");
                        git.add().addFilepattern(".").call();
                        git.commit().setMessage("review").setAuthor("r", "r@example.com").setCommitter("r", "r@example.com").call();
                        git.push().call();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return "body";
                }, List.of(), List.of(), "flowpol", "flowpol@example.com", false);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> proposer().propose(racing));

        assertTrue(e.getMessage().contains("someone pushed to it while flowpol ran"), e.getMessage());
        assertEquals("note: 1\n", remoteFile("flowpol/proposal", "policies/review-note.yaml"), "the reviewer's push is kept");
        assertEquals(1, github.pulls.size());
        assertEquals(0, github.calls.stream().filter(c -> c.method().equals("PATCH")).count());
    }
}
