package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.cli.propose.GitHubApiTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PR bot end to end: real CLI, a real bare git repository as the remote, a local GitHub API. */
class ProposeCommandTest {
    private static final String TOKEN = "ghs_localTestToken42";

    @TempDir
    Path tmp;
    private Path remote;
    private Path tokenFile;
    private GitHubApiTestServer github;

    @BeforeEach
    void setUp() throws Exception {
        github = new GitHubApiTestServer();
        tokenFile = tmp.resolve("token");
        Files.writeString(tokenFile, TOKEN + "\n");
        remote = tmp.resolve("gitops.git");
        Git.init().setBare(true).setDirectory(remote.toFile()).setInitialBranch("main").call().close();
        Path seed = tmp.resolve("seed");
        try (Git git = Git.init().setDirectory(seed.toFile()).setInitialBranch("main").call()) {
            Files.writeString(seed.resolve("README.md"), "policies live here\n");
            // main already holds a policy flowpol rewrites and one a human took over (issue 15 items 1, 3)
            Path policies = Files.createDirectories(seed.resolve("clusters/prod/policies/networkpolicies/shop"));
            Files.writeString(policies.resolve("frontend.yaml"), """
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: frontend, namespace: shop}
                    spec:
                      podSelector: {matchLabels: {app: frontend}}
                      policyTypes: [Ingress]
                      ingress: [{}]
                    """);
            Files.writeString(policies.resolve("legacy.yaml"), """
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata:
                      name: legacy
                      namespace: shop
                      annotations:
                        flowpol.io/managed: "false"
                    spec:
                      podSelector: {matchLabels: {app: legacy}}
                      policyTypes: [Ingress]
                    """);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("seed").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
            git.push().setRemote(remote.toUri().toString()).setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).call();
        }
    }

    @AfterEach
    void tearDown() {
        github.close();
    }

    private Cli.Result propose(String until, String... extra) {
        List<String> args = new ArrayList<>(List.of("propose", "--git-repo", remote.toString(), "--path", "clusters/prod/policies",
                "--github-repo", "acme/gitops", "--github-api", github.api().toString(), "--github-token-file", tokenFile.toString(),
                "--label", "network-policy", "--reviewer", "sec-team",
                "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster", Cli.DEMO.resolve("recording.jsonl").toString(),
                "--since", "2026-11-30T10:00:00Z", "--until", until));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private boolean branchExists(String branch) throws Exception {
        try (Git git = Git.open(remote.toFile()); Repository repo = git.getRepository()) {
            return repo.findRef("refs/heads/" + branch) != null;
        }
    }

    @Test
    void firstRunOpensThePullRequestSecondUpdatesItThirdDoesNothing() throws Exception {
        Cli.Result first = propose("2026-11-30T11:00:00Z");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("opened pull request #1"), first.out());
        assertEquals(1, github.pulls.size());
        String body = github.pulls.get(1).path("body").asText();
        assertTrue(body.contains("shop/Deployment/frontend") && body.contains("catalog"), "evidence in the body");
        assertFalse(body.contains(TOKEN), "the token never reaches the pull request");
        assertTrue(github.calls.stream().anyMatch(c -> c.path().endsWith("/requested_reviewers")));
        assertTrue(branchExists("flowpol/proposal"));

        Cli.Result second = propose("2026-11-30T12:00:00Z");
        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.out().contains("updated pull request #1"), second.out());
        assertEquals(1, github.pulls.size(), "the same pull request, not a new one");

        int calls = github.calls.size();
        Cli.Result third = propose("2026-11-30T12:00:00Z");
        assertEquals(0, third.exitCode(), third.toString());
        assertTrue(third.out().contains("up to date"), third.out());
        assertEquals(calls, github.calls.size(), "nothing changed: no API call");
        assertFalse((first.out() + first.err() + second.out() + second.err()).contains(TOKEN));
    }

    /** Policy files by git change type (comment-only changes left out) (A, M, D) between main and the proposal branch, as {@code git diff main..branch}. */
    private java.util.Map<String, Long> diffMainToBranch() throws Exception {
        try (Git git = Git.open(remote.toFile()); Repository repo = git.getRepository();
             var reader = repo.newObjectReader(); var walk = new org.eclipse.jgit.revwalk.RevWalk(repo)) {
            var main = new org.eclipse.jgit.treewalk.CanonicalTreeParser(null, reader,
                    walk.parseCommit(repo.resolve("refs/heads/main")).getTree());
            var branch = new org.eclipse.jgit.treewalk.CanonicalTreeParser(null, reader,
                    walk.parseCommit(repo.resolve("refs/heads/flowpol/proposal")).getTree());
            return git.diff().setOldTree(main).setNewTree(branch).call().stream()
                    // policy documents only: not kustomization.yaml, edges.json or report.md
                    .filter(d -> policyFile(d.getNewPath()) || policyFile(d.getOldPath()))
                    // a change in comments alone (the evidence counts and times the template writes) is no
                    // policy change: the structural diff compares documents without comments, by design
                    .filter(d -> d.getChangeType() != org.eclipse.jgit.diff.DiffEntry.ChangeType.MODIFY
                            || !withoutComments(repo, d.getOldId().toObjectId()).equals(withoutComments(repo, d.getNewId().toObjectId())))
                    .collect(java.util.stream.Collectors.groupingBy(d -> d.getChangeType().name().substring(0, 1),
                            java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        }
    }

    private static List<String> withoutComments(Repository repo, org.eclipse.jgit.lib.ObjectId blob) {
        try {
            return new String(repo.open(blob).getBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.trim().startsWith("#")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean policyFile(String path) {
        return path.endsWith(".yaml") && !path.endsWith("kustomization.yaml");
    }

    private static long bodyCount(String body, String row) {
        var m = java.util.regex.Pattern.compile("\\| " + row + " \\| (\\d+) \\|").matcher(body);
        assertTrue(m.find(), row + " in " + body);
        return Long.parseLong(m.group(1));
    }

    private String remoteFile(String branch, String path) throws Exception {
        try (Git git = Git.open(remote.toFile()); Repository repo = git.getRepository();
             var walk = new org.eclipse.jgit.revwalk.RevWalk(repo)) {
            var tw = org.eclipse.jgit.treewalk.TreeWalk.forPath(repo, path, walk.parseCommit(repo.resolve("refs/heads/" + branch)).getTree());
            return tw == null ? null : new String(repo.open(tw.getObjectId(0)).getBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Policy files on main under the policy path. */
    private long policyFilesOnMain() throws Exception {
        try (Git git = Git.open(remote.toFile()); Repository repo = git.getRepository();
             var walk = new org.eclipse.jgit.revwalk.RevWalk(repo); var tw = new org.eclipse.jgit.treewalk.TreeWalk(repo)) {
            tw.addTree(walk.parseCommit(repo.resolve("refs/heads/main")).getTree());
            tw.setRecursive(true);
            tw.setFilter(org.eclipse.jgit.treewalk.filter.PathFilter.create("clusters/prod/policies"));
            long n = 0;
            while (tw.next()) {
                n += policyFile(tw.getPathString()) ? 1 : 0;
            }
            return n;
        }
    }

    /** The description's numbers are those of git diff main..branch, and the branch is one commit on main. */
    private void assertBodyMatchesGit(String body) throws Exception {
        var diff = diffMainToBranch();
        long added = diff.getOrDefault("A", 0L);
        long changed = diff.getOrDefault("M", 0L);
        long removed = diff.getOrDefault("D", 0L);
        assertEquals(added, bodyCount(body, "policies added"), diff + "\n" + body);
        assertEquals(changed, bodyCount(body, "policies changed"), diff + "\n" + body);
        assertEquals(removed, bodyCount(body, "policies removed"), diff + "\n" + body);
        long unchanged = policyFilesOnMain() - changed - removed;
        assertTrue(body.contains("| policies added / changed / removed / unchanged | " + added + " / " + changed + " / "
                + removed + " / " + unchanged + " |"), "unchanged " + unchanged + " (the human-owned file among them): " + body);
        try (Git git = Git.open(remote.toFile()); Repository repo = git.getRepository();
             var walk = new org.eclipse.jgit.revwalk.RevWalk(repo)) {
            var tip = walk.parseCommit(repo.resolve("refs/heads/flowpol/proposal"));
            assertEquals(1, tip.getParentCount());
            assertEquals(repo.resolve("refs/heads/main"), tip.getParent(0).getId(), "one commit on today's main");
        }
    }

    /** GitHub's merge button with the branch kept: a merge commit on main, the pull request closed. */
    private void mergeProposal(int number) throws Exception {
        Path clone = Files.createTempDirectory(tmp, "merge-");
        try (Git git = Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(clone.toFile()).setBranch("main").call()) {
            var result = git.merge().include(git.getRepository().resolve("origin/flowpol/proposal"))
                    .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF).setMessage("Merge").call();
            assertTrue(result.getMergeStatus().isSuccessful(), result.toString());
            git.push().call();
        }
        github.pulls.get(number).put("state", "closed");
    }

    @Test
    void severalDaysOfLearnAndProposeWithMergesInBetween() throws Exception {
        // each "day" learns a longer window of the demo; the team merges now and then and keeps the branch
        String[] days = {"2026-11-30T10:30:00Z", "2026-11-30T11:00:00Z", "2026-11-30T11:30:00Z", "2026-11-30T12:00:00Z"};
        int[] pullOfDay = {1, 1, 2, 2};
        for (int day = 0; day < days.length; day++) {
            Cli.Result r = propose(days[day]);
            assertEquals(0, r.exitCode(), "day " + day + ": " + r);
            assertTrue(r.out().contains((day % 2 == 0 ? "opened" : "updated") + " pull request #" + pullOfDay[day]), r.out());
            assertBodyMatchesGit(github.pulls.get(pullOfDay[day]).path("body").asText());
            if (day == 1) {
                mergeProposal(1);
            }
        }
        int calls = github.calls.size();
        assertTrue(propose(days[3]).out().contains("up to date"));
        assertEquals(calls, github.calls.size(), "nothing changed: no API call");
        assertEquals(2, github.calls.stream().filter(c -> c.path().endsWith("/labels")).count(), "labels on the two new pull requests only");
    }

    @Test
    void anUpdateOnABaseThatHoldsThePoliciesDescribesTheDiffAgainstTheBase() throws Exception {
        assertEquals(0, propose("2026-11-30T11:00:00Z").exitCode());
        Cli.Result second = propose("2026-11-30T12:00:00Z");
        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.out().contains("updated pull request #1"), second.out());

        String body = github.pulls.get(1).path("body").asText();
        var diff = diffMainToBranch();
        assertEquals(diff.getOrDefault("A", 0L), bodyCount(body, "policies added"), body);
        assertEquals(diff.getOrDefault("M", 0L), bodyCount(body, "policies changed"), body);
        assertEquals(diff.getOrDefault("D", 0L), bodyCount(body, "policies removed"), body);
        assertEquals(1L, diff.get("M"), "frontend.yaml is rewritten: " + diff);
        assertTrue(body.contains("## Since the last update"), body);

        String kustomization = remoteFile("flowpol/proposal", "clusters/prod/policies/kustomization.yaml");
        assertTrue(kustomization.contains("  - networkpolicies/shop/legacy.yaml\n"), kustomization);
        assertTrue(second.out().contains("clusters/prod/policies/networkpolicies/shop/legacy.yaml"), second.out());
        assertEquals(2, github.calls.stream().filter(c -> c.path().endsWith("/labels") || c.path().endsWith("/requested_reviewers")).count(),
                "labels and reviewers once, on the new pull request");
    }

    @Test
    void anHttpRemoteThatAsksForCredentialsSaysTheTokenIsOnlySentOverHttps() throws Exception {
        try (var git = io.flowpol.cli.propose.UnauthorizedGitServer.start()) {
            Cli.Result r = Cli.run("propose", "--git-repo", git.url(), "--github-repo", "acme/gitops",
                    "--github-api", github.api().toString(), "--github-token-file", tokenFile.toString(),
                    "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster", Cli.DEMO.resolve("recording.jsonl").toString(),
                    "--since", "2026-11-30T10:00:00Z", "--until", "2026-11-30T12:00:00Z");
            assertEquals(1, r.exitCode(), r.toString());
            assertTrue(r.err().contains("only sent over HTTPS"), r.err());
            assertFalse(r.err().contains("CredentialsProvider") || r.err().contains(TOKEN), r.err());
            assertTrue(github.calls.isEmpty());
        }
    }

    @Test
    void dryRunPrintsCommitAndBodyAndPushesNothing() throws Exception {
        Cli.Result r = propose("2026-11-30T12:00:00Z", "--dry-run");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("dry run: committed"), r.out());
        assertTrue(r.out().contains("## "), "the pull request body is printed");
        assertFalse(branchExists("flowpol/proposal"));
        assertTrue(github.calls.isEmpty());
    }

    @Test
    void aRejectedTokenIsAClearErrorAndLeavesTheRemoteUntouched() throws Exception {
        github.fail("GET", 401);
        Cli.Result r = propose("2026-11-30T12:00:00Z");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("flowpol: error: GitHub API GET")), r.err());
        assertTrue(r.err().contains("401"), r.err());
        assertFalse(r.err().contains(TOKEN));
        assertFalse(branchExists("flowpol/proposal"));
    }
}
