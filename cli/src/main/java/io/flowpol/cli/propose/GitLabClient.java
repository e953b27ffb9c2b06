package io.flowpol.cli.propose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GitLab REST API v4 calls of the PR bot (docs.gitlab.com/api/merge_requests): list the open
 * merge requests of the source branch, create one (labels as a comma-separated list and
 * {@code reviewer_ids} in the same call), update its title and description. The project is its
 * numeric id or its full path, URL-encoded as one path segment ({@code group%2Fgitops}, the
 * API's "namespaced path encoding"). Reviewers are given as usernames and looked up with
 * {@code GET /users?username=} before the merge request is created, so an unknown name creates
 * nothing. The token goes only into the {@code PRIVATE-TOKEN} header.
 */
public final class GitLabClient implements Forge {
    private final String project;
    private final ForgeHttp http;

    /** @param api e.g. {@code https://gitlab.com/api/v4} */
    public GitLabClient(URI api, String project, String token) {
        if (project.isBlank() || project.startsWith("/") || project.endsWith("/") || project.contains("//")) {
            throw new IllegalArgumentException("expected group/project or a numeric project id, found '" + project + "'");
        }
        // one path segment: "/" → %2F (and nothing else of a valid path changes)
        this.project = URLEncoder.encode(project, StandardCharsets.UTF_8);
        this.http = new ForgeHttp("GitLab", api, token == null || token.isEmpty() ? Map.of() : Map.of("PRIVATE-TOKEN", token),
                token, GitLabClient::hint);
    }

    @Override
    public String noun() {
        return "merge request";
    }

    @Override
    public PullRequest findOpen(String base, String branch) {
        JsonNode list = http.send("GET", "/projects/" + project + "/merge_requests?state=opened&source_branch="
                + query(branch) + "&target_branch=" + query(base), null);
        return list.isArray() && list.size() > 0 ? mergeRequest(list.get(0)) : null;
    }

    @Override
    public PullRequest create(String base, String branch, String title, String body, List<String> labels,
                              List<String> reviewers) {
        List<Long> reviewerIds = new ArrayList<>();
        for (String username : reviewers) {
            reviewerIds.add(userId(username));
        }
        ObjectNode request = ForgeHttp.JSON.createObjectNode().put("source_branch", branch).put("target_branch", base)
                .put("title", title).put("description", body);
        if (!labels.isEmpty()) {
            request.put("labels", String.join(",", labels));
        }
        if (!reviewerIds.isEmpty()) {
            reviewerIds.forEach(request.putArray("reviewer_ids")::add);
        }
        return mergeRequest(http.send("POST", "/projects/" + project + "/merge_requests", request));
    }

    @Override
    public PullRequest update(PullRequest open, String title, String body) {
        ObjectNode request = ForgeHttp.JSON.createObjectNode().put("title", title).put("description", body);
        return mergeRequest(http.send("PUT", "/projects/" + project + "/merge_requests/" + open.number(), request));
    }

    private long userId(String username) {
        JsonNode users = http.send("GET", "/users?username=" + query(username), null);
        for (JsonNode user : users) {
            if (user.path("username").asText().equalsIgnoreCase(username) && user.path("id").canConvertToLong()) {
                return user.path("id").asLong();
            }
        }
        throw new ForgeException("GitLab API GET /users?username=" + username + ": no user " + username
                + " (--reviewer takes GitLab usernames)", 404);
    }

    private static PullRequest mergeRequest(JsonNode node) {
        return new PullRequest(node.path("iid").asInt(), node.path("web_url").asText(null),
                node.path("title").asText(null), node.path("description").asText(null));
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> ": the token was rejected; set GITLAB_TOKEN (or --gitlab-token-file) to a token with the 'api' scope"
                    + " and at least the Developer role on the project";
            case 403 -> ": the token lacks permission for this project (it needs the 'api' scope and the Developer role)";
            case 404 -> ": project not found, or the token cannot see it (--gitlab-project takes group/project or the numeric id)";
            case 409 -> ": GitLab refused a second merge request for this branch";
            case 422 -> ": GitLab rejected the request";
            default -> "";
        };
    }
}
