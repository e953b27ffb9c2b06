package io.flowpol.cli.propose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few GitHub REST calls the PR bot makes (docs.github.com/rest/pulls): find the open pull
 * request of a branch, create or update it, add labels and reviewers. The API base is
 * configurable for GitHub Enterprise ({@code https://HOST/api/v3}). The token goes only into
 * the Authorization header; every error message is built without it.
 */
public final class GitHubClient implements Forge {
    private final String owner;
    private final String repo;
    private final ForgeHttp http;

    public GitHubClient(URI api, String ownerAndRepo, String token) {
        String[] parts = ownerAndRepo.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("expected owner/name, found '" + ownerAndRepo + "'");
        }
        this.owner = parts[0];
        this.repo = parts[1];
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/vnd.github+json");
        headers.put("X-GitHub-Api-Version", "2022-11-28");
        if (token != null && !token.isEmpty()) {
            headers.put("Authorization", "Bearer " + token);
        }
        this.http = new ForgeHttp("GitHub", api, headers, token, GitHubClient::hint);
    }

    @Override
    public String noun() {
        return "pull request";
    }

    /** The open pull request whose head is {@code branch} of this repository, if any. */
    @Override
    public PullRequest findOpen(String base, String branch) {
        String head = URLEncoder.encode(owner + ":" + branch, StandardCharsets.UTF_8);
        JsonNode list = http.send("GET", "/repos/" + owner + "/" + repo + "/pulls?state=open&base="
                + URLEncoder.encode(base, StandardCharsets.UTF_8) + "&head=" + head, null);
        return list.isArray() && list.size() > 0 ? pull(list.get(0)) : null;
    }

    @Override
    public PullRequest create(String base, String branch, String title, String body, List<String> labels,
                              List<String> reviewers) {
        ObjectNode request = ForgeHttp.JSON.createObjectNode().put("title", title).put("head", branch).put("base", base)
                .put("body", body);
        PullRequest pr = pull(http.send("POST", "/repos/" + owner + "/" + repo + "/pulls", request));
        addLabels(pr.number(), labels);
        requestReviewers(pr.number(), reviewers);
        return pr;
    }

    @Override
    public PullRequest update(PullRequest open, String title, String body) {
        ObjectNode request = ForgeHttp.JSON.createObjectNode().put("title", title).put("body", body);
        return pull(http.send("PATCH", "/repos/" + owner + "/" + repo + "/pulls/" + open.number(), request));
    }

    private void addLabels(int number, List<String> labels) {
        if (!labels.isEmpty()) {
            ObjectNode request = ForgeHttp.JSON.createObjectNode();
            labels.forEach(request.putArray("labels")::add);
            http.send("POST", "/repos/" + owner + "/" + repo + "/issues/" + number + "/labels", request);
        }
    }

    private void requestReviewers(int number, List<String> reviewers) {
        if (!reviewers.isEmpty()) {
            ObjectNode request = ForgeHttp.JSON.createObjectNode();
            reviewers.forEach(request.putArray("reviewers")::add);
            http.send("POST", "/repos/" + owner + "/" + repo + "/pulls/" + number + "/requested_reviewers", request);
        }
    }

    private static PullRequest pull(JsonNode node) {
        return new PullRequest(node.path("number").asInt(), node.path("html_url").asText(null),
                node.path("title").asText(null), node.path("body").asText(null));
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> ": the token was rejected; set GITHUB_TOKEN to a token with 'pull_requests: write' and 'contents: write'";
            case 403 -> ": the token lacks permission for this repository";
            case 404 -> ": repository not found, or the token cannot see it";
            case 422 -> ": GitHub rejected the request";
            default -> "";
        };
    }
}
