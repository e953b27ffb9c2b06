package io.flowpol.cli.propose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The few GitHub REST calls the PR bot makes (docs.github.com/rest/pulls): find the open pull
 * request of a branch, create or update it, add labels and reviewers. The API base is
 * configurable for GitHub Enterprise ({@code https://HOST/api/v3}). The token goes only into
 * the Authorization header; every error message is built without it.
 */
public final class GitHubClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final String owner;
    private final String repo;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    public GitHubClient(URI api, String ownerAndRepo, String token) {
        String[] parts = ownerAndRepo.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("expected owner/name, found '" + ownerAndRepo + "'");
        }
        String base = api.toString();
        this.api = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.owner = parts[0];
        this.repo = parts[1];
        this.token = token;
    }

    public String owner() {
        return owner;
    }

    /** The open pull request whose head is {@code branch} of this repository, if any. */
    public PullRequest findOpenPull(String branch) {
        String head = URLEncoder.encode(owner + ":" + branch, StandardCharsets.UTF_8);
        JsonNode list = send("GET", "/repos/" + owner + "/" + repo + "/pulls?state=open&head=" + head, null);
        return list.isArray() && list.size() > 0 ? pull(list.get(0)) : null;
    }

    public PullRequest createPull(String base, String branch, String title, String body) {
        ObjectNode request = JSON.createObjectNode().put("title", title).put("head", branch).put("base", base).put("body", body);
        return pull(send("POST", "/repos/" + owner + "/" + repo + "/pulls", request));
    }

    public PullRequest updatePull(int number, String title, String body) {
        ObjectNode request = JSON.createObjectNode().put("title", title).put("body", body);
        return pull(send("PATCH", "/repos/" + owner + "/" + repo + "/pulls/" + number, request));
    }

    public void addLabels(int number, List<String> labels) {
        if (!labels.isEmpty()) {
            ObjectNode request = JSON.createObjectNode();
            labels.forEach(request.putArray("labels")::add);
            send("POST", "/repos/" + owner + "/" + repo + "/issues/" + number + "/labels", request);
        }
    }

    public void requestReviewers(int number, List<String> reviewers) {
        if (!reviewers.isEmpty()) {
            ObjectNode request = JSON.createObjectNode();
            reviewers.forEach(request.putArray("reviewers")::add);
            send("POST", "/repos/" + owner + "/" + repo + "/pulls/" + number + "/requested_reviewers", request);
        }
    }

    private static PullRequest pull(JsonNode node) {
        return new PullRequest(node.path("number").asInt(), node.path("html_url").asText(null),
                node.path("title").asText(null), node.path("body").asText(null));
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "flowpol");
        if (token != null && !token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new GitHubException(describe(method, path, response), response.statusCode());
            }
            return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            // No Java class name in the message (issue 12 item 11); the JDK's client often gives no text at all.
            String why = e instanceof java.net.ConnectException ? "cannot connect"
                    : e instanceof java.net.http.HttpTimeoutException ? "timed out"
                    : redact(io.flowpol.inference.model.IoReason.of(e));
            throw new GitHubException("GitHub API " + method + " " + api + path + ": " + why, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubException("GitHub API " + method + " " + path + ": interrupted", 0);
        }
    }

    private String describe(String method, String path, HttpResponse<byte[]> response) {
        String detail = "";
        try {
            JsonNode error = JSON.readTree(response.body());
            detail = error.path("message").asText("");
            JsonNode errors = error.path("errors");
            if (errors.isArray() && errors.size() > 0) {
                detail += " (" + errors.get(0).path("message").asText(errors.get(0).toString()) + ")";
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the status says enough
        }
        String hint = switch (response.statusCode()) {
            case 401 -> ": the token was rejected; set GITHUB_TOKEN to a token with 'pull_requests: write' and 'contents: write'";
            case 403 -> ": the token lacks permission for this repository";
            case 404 -> ": repository not found, or the token cannot see it";
            case 422 -> ": GitHub rejected the request";
            default -> "";
        };
        return "GitHub API " + method + " " + path + " answered " + response.statusCode() + hint
                + (detail.isEmpty() ? "" : ": " + redact(detail));
    }

    private String redact(String text) {
        return token == null || token.isEmpty() ? text : text.replace(token, "***");
    }
}
