package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.cli.propose.GitHubApiTestServer;
import io.flowpol.cli.propose.GitLabApiTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15 item 6, for GitHub and GitLab: seven days of {@code propose --state} (learn the day's
 * window into the state, then publish) against a real bare repository and the local API
 * stand-ins, with a merge commit after day 2, a hand edit to a managed file before day 3, a
 * human-owned file before day 4, a squash merge after day 5, and a retried day-7 job. After each
 * day: the branch is one commit on the base's tip (its merge-base), the description's counts are
 * those of {@code git diff main..branch} computed here with JGit, and the API calls are exactly
 * the expected ones. The calls of each day are printed for the closing note.
 */
class DailyLoopTest {
    private static final String TOKEN = "tok-localTestToken42";
    private static final String POLICIES = "clusters/prod/policies";
    private static final String EDITED = POLICIES + "/networkpolicies/shop/frontend.yaml";
    private static final String HUMAN_OWNED = POLICIES + "/networkpolicies/shop/legacy.yaml";
    private static final Instant FIRST_DAY = Instant.parse("2026-11-30T10:00:00Z");
    /** The demo holds two hours: a "day" here is a quarter of an hour of it, learned into the state. */
    private static final Duration DAY = Duration.ofMinutes(15);

    enum Kind { GITHUB, GITLAB }

    @TempDir
    Path tmp;
    private Path remote;
    private Path state;
    private Path tokenFile;
    private GitHubApiTestServer github;
    private GitLabApiTestServer gitlab;

    @AfterEach
    void tearDown() {
        if (github != null) {
            github.close();
        }
        if (gitlab != null) {
            gitlab.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sevenDaysOfLearnAndProposeWithMergesAHandEditAndAHumanOwnedFile(Kind kind) throws Exception {
        setUp(kind);
        List<String> log = new ArrayList<>();

        day(kind, 1, "opened", 1, log);
        day(kind, 2, "updated", 1, log);
        merge(kind, 1, false);

        String handEdit = handEdit(remoteFile("main", EDITED));
        commitOnMain(EDITED, handEdit, "tighten frontend by hand");
        String body3 = day(kind, 3, "opened", 2, log);
        assertTrue(body3.contains("## Hand edits this proposal overwrites"), body3);
        assertTrue(body3.contains("`" + EDITED + "`: last changed in ") && body3.contains(" by Hannah Human"), body3);
        assertFalse(handEdit.equals(remoteFile("flowpol/proposal", EDITED)), "the managed file is overwritten");

        commitOnMain(HUMAN_OWNED, """
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
                """, "a policy the team owns");
        String body4 = day(kind, 4, "updated", 2, log);
        assertTrue(body4.contains("`" + EDITED + "`"), "the hand edit is still overwritten, and still said: " + body4);
        assertTrue(remoteFile("flowpol/proposal", POLICIES + "/kustomization.yaml").contains("  - networkpolicies/shop/legacy.yaml\n"));
        assertEquals(remoteFile("main", HUMAN_OWNED), remoteFile("flowpol/proposal", HUMAN_OWNED), "the human-owned file is kept");

        day(kind, 5, "updated", 2, log);
        merge(kind, 2, true);

        String body6 = day(kind, 6, "opened", 3, log);
        assertFalse(body6.contains("Hand edits"), "the squash of flowpol's own files is no hand edit: " + body6);
        assertFalse(body6.contains("## Since the last update"), "a new one has no last update");
        Path stateBeforeDay7 = copy(state, tmp.resolve("state-before-day-7"));
        String body7 = day(kind, 7, "updated", 3, log);
        assertFalse(body7.contains("Hand edits"), body7);
        assertTrue(body7.contains("## Since the last update"), body7);

        // day 7's job retried after its push (its state not yet saved): the same proposal, no commit, no call
        int calls = calls(kind).size();
        Cli.Result retry = propose(kind, 7, stateBeforeDay7);
        assertEquals(0, retry.exitCode(), retry.toString());
        assertTrue(retry.out().contains("up to date"), retry.out());
        assertEquals(calls, calls(kind).size(), "nothing changed: no API call");
        log.add("day 7 retried: (none)");
        assertBranchIsOneCommitOnMain();

        System.out.println("flowpol daily loop, " + kind + ", API calls per day:\n  " + String.join("\n  ", log));
    }

    @Test
    void oneForgeAtATimeAndItsTokenOnlyOverHttps() throws Exception {
        Cli.Result both = Cli.run("propose", "--git-repo", ".", "--github-repo", "acme/gitops", "--gitlab-project", "acme/gitops",
                "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster", Cli.DEMO.resolve("recording.jsonl").toString());
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.err().contains("--github-repo and --gitlab-project"), both.err());
        Cli.Result plain = Cli.run("propose", "--git-repo", ".", "--gitlab-project", "acme/gitops",
                "--gitlab-api", "http://gitlab.example/api/v4",
                "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster", Cli.DEMO.resolve("recording.jsonl").toString());
        assertEquals(2, plain.exitCode(), plain.toString());
        assertTrue(plain.err().contains("--gitlab-api: expected an https:// URL (the token is only sent over HTTPS)"), plain.err());
    }

    private void setUp(Kind kind) throws Exception {
        if (kind == Kind.GITHUB) {
            github = new GitHubApiTestServer();
        } else {
            gitlab = new GitLabApiTestServer(TOKEN, "acme/gitops", 42);
            gitlab.users.put("sec-team", 11);
        }
        tokenFile = tmp.resolve("token");
        Files.writeString(tokenFile, TOKEN + "\n");
        state = tmp.resolve("state");
        remote = tmp.resolve("gitops.git");
        Git.init().setBare(true).setDirectory(remote.toFile()).setInitialBranch("main").call().close();
        Path seed = tmp.resolve("seed");
        try (Git git = Git.init().setDirectory(seed.toFile()).setInitialBranch("main").call()) {
            Files.writeString(seed.resolve("README.md"), "policies live here\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("seed").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
            git.push().setRemote(remote.toUri().toString()).setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).call();
        }
    }

    /** Runs day {@code n}, checks the outcome, the branch, the description and the calls; returns the description. */
    private String day(Kind kind, int n, String outcome, int number, List<String> log) throws Exception {
        int before = calls(kind).size();
        Cli.Result r = propose(kind, n, state);
        assertEquals(0, r.exitCode(), "day " + n + ": " + r);
        String noun = kind == Kind.GITHUB ? "pull request #" : "merge request !";
        assertTrue(r.out().contains(outcome + " " + noun + number), "day " + n + ": " + r.out());
        List<String> calls = calls(kind).subList(before, calls(kind).size());
        assertEquals(expectedCalls(kind, outcome, number), calls, "day " + n);
        assertBranchIsOneCommitOnMain();
        String body = kind == Kind.GITHUB ? github.pulls.get(number).path("body").asText()
                : gitlab.mergeRequests.get(number).path("description").asText();
        log.add("day " + n + " (policies added/changed/removed/unchanged " + assertBodyMatchesGit(body) + "): "
                + String.join(", ", calls));
        return body;
    }

    private Cli.Result propose(Kind kind, int day, Path stateDir) {
        Instant since = FIRST_DAY.plus(DAY.multipliedBy(day - 1));
        List<String> args = new ArrayList<>(List.of("propose", "--git-repo", remote.toString(), "--path", POLICIES,
                "--state", stateDir.toString(), "--label", "network-policy", "--reviewer", "sec-team",
                "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster", Cli.DEMO.resolve("recording.jsonl").toString(),
                "--since", since.toString(), "--until", since.plus(DAY).toString()));
        if (kind == Kind.GITHUB) {
            args.addAll(List.of("--github-repo", "acme/gitops", "--github-api", github.api().toString(),
                    "--github-token-file", tokenFile.toString()));
        } else {
            args.addAll(List.of("--gitlab-project", "acme/gitops", "--gitlab-api", gitlab.api().toString(),
                    "--gitlab-token-file", tokenFile.toString()));
        }
        return Cli.run(args.toArray(String[]::new));
    }

    private List<String> calls(Kind kind) {
        return kind == Kind.GITHUB ? github.calls.stream().map(c -> c.method() + " " + c.path()).toList()
                : gitlab.calls.stream().map(c -> c.method() + " " + c.path()).toList();
    }

    /** Open once (with labels and reviewers), then update; nothing else. */
    private static List<String> expectedCalls(Kind kind, String outcome, int n) {
        if (kind == Kind.GITHUB) {
            String find = "GET /repos/acme/gitops/pulls?state=open&base=main&head=acme:flowpol/proposal";
            return outcome.equals("opened")
                    ? List.of(find, "POST /repos/acme/gitops/pulls", "POST /repos/acme/gitops/issues/" + n + "/labels",
                            "POST /repos/acme/gitops/pulls/" + n + "/requested_reviewers")
                    : List.of(find, "PATCH /repos/acme/gitops/pulls/" + n);
        }
        String find = "GET /projects/acme%2Fgitops/merge_requests?state=opened&source_branch=flowpol/proposal&target_branch=main";
        return outcome.equals("opened")
                ? List.of(find, "GET /users?username=sec-team", "POST /projects/acme%2Fgitops/merge_requests")
                : List.of(find, "PUT /projects/acme%2Fgitops/merge_requests/" + n);
    }

    /** The merge button with the branch kept: a merge commit, or one squashed commit; the request is closed. */
    private void merge(Kind kind, int number, boolean squash) throws Exception {
        Path clone = Files.createTempDirectory(tmp, "merge-");
        try (Git git = Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(clone.toFile()).setBranch("main").call()) {
            var merge = git.merge().include(git.getRepository().resolve("origin/flowpol/proposal")).setMessage("Merge proposal " + number);
            var result = (squash ? merge.setSquash(true).setCommit(false) : merge.setFastForward(MergeCommand.FastForwardMode.NO_FF)).call();
            assertTrue(result.getMergeStatus().isSuccessful(), result.toString());
            if (squash) {
                git.commit().setMessage("flowpol: proposed network policies (" + number + ")")
                        .setAuthor("Mia Merger", "mia@example.com").setCommitter("Mia Merger", "mia@example.com").call();
            }
            git.push().call();
        }
        if (kind == Kind.GITHUB) {
            github.pulls.get(number).put("state", "closed");
        } else {
            gitlab.markMerged(number);
        }
    }

    private void commitOnMain(String path, String text, String message) throws Exception {
        Path clone = Files.createTempDirectory(tmp, "human-");
        try (Git git = Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(clone.toFile()).setBranch("main").call()) {
            Files.createDirectories(clone.resolve(path).getParent());
            Files.writeString(clone.resolve(path), text);
            git.add().addFilepattern(".").call();
            git.commit().setMessage(message).setAuthor("Hannah Human", "hannah@example.com")
                    .setCommitter("Hannah Human", "hannah@example.com").call();
            git.push().call();
        }
    }

    /** A human "fix": the same policy opened to all ingress. */
    private static String handEdit(String managed) {
        assertNotNull(managed, "the day-2 merge put " + EDITED + " on main");
        String name = line(managed, "  name: ");
        String namespace = line(managed, "  namespace: ");
        return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: " + name + "\n  namespace: " + namespace
                + "\nspec:\n  podSelector: {matchLabels: {app: frontend}}\n  policyTypes: [Ingress]\n  ingress: [{}]\n";
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }

    /** One commit whose parent is main's tip: main is the merge-base, and main..branch is that commit. */
    private void assertBranchIsOneCommitOnMain() throws IOException {
        try (Git git = Git.open(remote.toFile()); Repository repo = git.getRepository(); RevWalk walk = new RevWalk(repo)) {
            RevCommit main = walk.parseCommit(repo.resolve("refs/heads/main"));
            RevCommit branch = walk.parseCommit(repo.resolve("refs/heads/flowpol/proposal"));
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(main);
            walk.markStart(branch);
            RevCommit mergeBase = walk.next();
            assertEquals(main, mergeBase, "the base's tip is the merge-base");
            assertEquals(1, branch.getParentCount());
            assertEquals(main, branch.getParent(0), "one commit ahead of it");
        }
    }

    /** The description's counts are git diff main..branch over the policy files (comment-only changes count as unchanged). */
    private String assertBodyMatchesGit(String body) throws Exception {
        Map<String, Long> diff = diffMainToBranch();
        long added = diff.getOrDefault("A", 0L);
        long changed = diff.getOrDefault("M", 0L);
        long removed = diff.getOrDefault("D", 0L);
        long unchanged = policyFilesOnMain() - changed - removed;
        assertEquals(added, bodyCount(body, "policies added"), diff + "\n" + body);
        assertEquals(changed, bodyCount(body, "policies changed"), diff + "\n" + body);
        assertEquals(removed, bodyCount(body, "policies removed"), diff + "\n" + body);
        assertTrue(body.contains("| policies added / changed / removed / unchanged | " + added + " / " + changed + " / "
                + removed + " / " + unchanged + " |"), "unchanged " + unchanged + ": " + body);
        return added + "/" + changed + "/" + removed + "/" + unchanged;
    }

    private Map<String, Long> diffMainToBranch() throws Exception {
        try (Git git = Git.open(remote.toFile()); Repository repo = git.getRepository();
             var reader = repo.newObjectReader(); RevWalk walk = new RevWalk(repo)) {
            var main = new CanonicalTreeParser(null, reader, walk.parseCommit(repo.resolve("refs/heads/main")).getTree());
            var branch = new CanonicalTreeParser(null, reader, walk.parseCommit(repo.resolve("refs/heads/flowpol/proposal")).getTree());
            return git.diff().setOldTree(main).setNewTree(branch).call().stream()
                    .filter(d -> policyFile(d.getNewPath()) || policyFile(d.getOldPath()))
                    .filter(d -> d.getChangeType() != DiffEntry.ChangeType.MODIFY
                            || !withoutComments(repo, d.getOldId().toObjectId()).equals(withoutComments(repo, d.getNewId().toObjectId())))
                    .collect(Collectors.groupingBy(d -> d.getChangeType().name().substring(0, 1), TreeMap::new, Collectors.counting()));
        }
    }

    private static List<String> withoutComments(Repository repo, ObjectId blob) {
        try {
            return new String(repo.open(blob).getBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.trim().startsWith("#")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean policyFile(String path) {
        return path.startsWith(POLICIES + "/") && path.endsWith(".yaml") && !path.endsWith("kustomization.yaml");
    }

    private long policyFilesOnMain() throws Exception {
        try (Git git = Git.open(remote.toFile()); Repository repo = git.getRepository(); RevWalk walk = new RevWalk(repo);
             TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(walk.parseCommit(repo.resolve("refs/heads/main")).getTree());
            tw.setRecursive(true);
            tw.setFilter(PathFilter.create(POLICIES));
            long n = 0;
            while (tw.next()) {
                n += policyFile(tw.getPathString()) ? 1 : 0;
            }
            return n;
        }
    }

    private static long bodyCount(String body, String row) {
        Matcher m = Pattern.compile("\\| " + row + " \\| (\\d+) \\|").matcher(body);
        assertTrue(m.find(), row + " in " + body);
        return Long.parseLong(m.group(1));
    }

    private String remoteFile(String branch, String path) throws IOException {
        try (Git git = Git.open(remote.toFile()); Repository repo = git.getRepository(); RevWalk walk = new RevWalk(repo)) {
            TreeWalk tw = TreeWalk.forPath(repo, path, walk.parseCommit(repo.resolve("refs/heads/" + branch)).getTree());
            return tw == null ? null : new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

}
