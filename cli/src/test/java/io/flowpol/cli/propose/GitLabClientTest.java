package io.flowpol.cli.propose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merge requests through the shared proposal flow, against a bare git remote and the GitLab stand-in. */
class GitLabClientTest {
    private static final String TOKEN = "glpat-localTestToken42";
    private static final String PROJECT = "acme/platform/gitops";

    @TempDir
    Path tmp;
    private Path remote;
    private GitLabApiTestServer gitlab;

    @BeforeEach
    void setUp() throws Exception {
        gitlab = new GitLabApiTestServer(TOKEN, PROJECT, 42);
        gitlab.users.put("alice", 7);
        remote = tmp.resolve("remote.git");
        Git.init().setBare(true).setDirectory(remote.toFile()).setInitialBranch("main").call().close();
        Path seed = tmp.resolve("seed");
        try (Git git = Git.init().setDirectory(seed.toFile()).setInitialBranch("main").call()) {
            write(seed.resolve("README.md"), "gitops\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("seed").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
            git.push().setRemote(remote.toUri().toString()).setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).call();
        }
    }

    @AfterEach
    void tearDown() {
        gitlab.close();
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

    private ProposalResult propose(String token, Path generated, List<String> reviewers) throws Exception {
        return new Proposer(new GitLabClient(gitlab.api(), PROJECT, token), null, TokenSource.GITLAB).propose(
                new ProposalRequest(remote.toString(), "main", "flowpol/proposal", "policies", generated, "flowpol: policies",
                        "flowpol: proposed network policies", (base, proposed) -> "body of " + generated.getFileName(),
                        List.of("network-policy", "security"), reviewers, "flowpol", "flowpol@example.com", false));
    }

    private List<String> calls() {
        return gitlab.calls.stream().map(c -> c.method() + " " + c.path()).toList();
    }

    private boolean branchExists() throws IOException {
        try (Git git = Git.open(remote.toFile()); Repository repo = git.getRepository()) {
            return repo.findRef("refs/heads/flowpol/proposal") != null;
        }
    }

    @Test
    void aNewMergeRequestGetsLabelsAndReviewersOnceThenOnlyItsDescriptionIsUpdated() throws Exception {
        ProposalResult first = propose(TOKEN, generated("a", "v: 1\n"), List.of("alice"));
        assertEquals(ProposalResult.Outcome.CREATED, first.outcome());
        assertEquals(1, first.pullRequest().number());
        assertEquals("https://gitlab.example/acme/platform/gitops/-/merge_requests/1", first.pullRequest().url());
        assertEquals(List.of(
                "GET /projects/acme%2Fplatform%2Fgitops/merge_requests?state=opened&source_branch=flowpol/proposal&target_branch=main",
                "GET /users?username=alice",
                "POST /projects/acme%2Fplatform%2Fgitops/merge_requests"), calls());
        var created = gitlab.mergeRequests.get(1);
        assertEquals("flowpol/proposal", created.path("source_branch").asText());
        assertEquals("main", created.path("target_branch").asText());
        assertEquals("[\"network-policy\",\"security\"]", created.path("labels").toString());
        assertEquals("alice", created.path("reviewers").get(0).path("username").asText());
        assertEquals("body of gen-a", created.path("description").asText());
        assertTrue(gitlab.calls.stream().allMatch(c -> TOKEN.equals(c.privateToken())));

        gitlab.calls.clear();
        ProposalResult second = propose(TOKEN, generated("b", "v: 2\n"), List.of("alice"));
        assertEquals(ProposalResult.Outcome.UPDATED, second.outcome());
        assertEquals(List.of(
                "GET /projects/acme%2Fplatform%2Fgitops/merge_requests?state=opened&source_branch=flowpol/proposal&target_branch=main",
                "PUT /projects/acme%2Fplatform%2Fgitops/merge_requests/1"), calls());
        var update = gitlab.calls.get(1).body();
        assertEquals(List.of("description", "title"), iterable(update.fieldNames()).stream().sorted().toList(),
                "no labels or reviewers on an update: a removed label stays removed, a given review is not asked again");
        assertTrue(gitlab.mergeRequests.get(1).path("description").asText().startsWith("body of gen-b"));

        gitlab.calls.clear();
        assertEquals(ProposalResult.Outcome.NO_CHANGE, propose(TOKEN, generated("c", "v: 2\n"), List.of("alice")).outcome());
        assertEquals(List.of(), calls(), "nothing changed: no call");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void aRejectedTokenNamesGitlabTokenAndPushesNothing() throws Exception {
        ForgeException e = assertThrows(ForgeException.class, () -> propose("glpat-wrong", generated("a", "v: 1\n"), List.of()));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().startsWith("GitLab API GET /projects/acme%2Fplatform%2Fgitops/merge_requests"), e.getMessage());
        assertTrue(e.getMessage().contains("GITLAB_TOKEN") && e.getMessage().contains("--gitlab-token-file"), e.getMessage());
        assertTrue(e.getMessage().endsWith(": 401 Unauthorized"), e.getMessage());
        assertFalse(e.getMessage().contains("glpat-wrong"));
        assertFalse(branchExists(), "checked before the push");
    }

    @Test
    void anUnknownReviewerCreatesNoMergeRequestAndTakesTheBranchBack() throws Exception {
        ForgeException e = assertThrows(ForgeException.class, () -> propose(TOKEN, generated("a", "v: 1\n"), List.of("mallory")));
        assertTrue(e.getMessage().contains("no user mallory") && e.getMessage().contains("--reviewer"), e.getMessage());
        assertTrue(gitlab.mergeRequests.isEmpty());
        assertFalse(branchExists(), "the pushed branch was deleted again");
    }

    @Test
    void aRefusedCreateRollsTheBranchBackAndSaysWhy() throws Exception {
        gitlab.fail("POST /projects/", 403);
        ForgeException e = assertThrows(ForgeException.class, () -> propose(TOKEN, generated("a", "v: 1\n"), List.of()));
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("Developer role"), e.getMessage());
        assertFalse(branchExists());
    }

    @Test
    void aProjectGivenByIdOrPathIsOneSegment() throws Exception {
        var byId = new GitLabClient(gitlab.api(), "42", TOKEN);
        assertNull(byId.findOpen("main", "flowpol/proposal"));
        assertEquals("GET /projects/42/merge_requests?state=opened&source_branch=flowpol/proposal&target_branch=main", calls().get(0));
        assertThrows(IllegalArgumentException.class, () -> new GitLabClient(gitlab.api(), "/acme/gitops", TOKEN));
    }

    @Test
    void aGitServerRefusingTheTokenNamesGitlabToken() throws Exception {
        try (var server = UnauthorizedGitServer.start()) {
            var wrong = assertThrows(io.flowpol.inference.model.InputException.class, () -> new Proposer(null,
                    new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider("oauth2", TOKEN), TokenSource.GITLAB)
                    .propose(new ProposalRequest(server.url(), "main", "flowpol/proposal", "policies", generated("w", "v: 1\n"),
                            "m", "t", (b, p) -> "", List.of(), List.of(), "f", "f@example.com", false)));
            assertTrue(wrong.getMessage().contains("GITLAB_TOKEN") && wrong.getMessage().contains("--gitlab-token-file"),
                    wrong.getMessage());
            assertFalse(wrong.getMessage().contains("GITHUB") || wrong.getMessage().contains(TOKEN), wrong.getMessage());
        }
    }
}
