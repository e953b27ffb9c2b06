package io.flowpol.cli.propose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the GitLab REST API v4 merge request calls, written from GitLab's
 * documentation (docs.gitlab.com/api/merge_requests, /api/users, /api/rest "namespaced path
 * encoding"), not from flowpol's client:
 * <ul>
 * <li>the project is {@code :id} = its numeric id or its path URL-encoded as ONE segment
 *     ({@code acme%2Fgitops}); the path left unencoded is a 404 "Project Not Found";</li>
 * <li>{@code PRIVATE-TOKEN} header, else 401 {@code {"message":"401 Unauthorized"}};</li>
 * <li>{@code GET /projects/:id/merge_requests?state=opened&source_branch=&target_branch=} lists;</li>
 * <li>{@code POST /projects/:id/merge_requests} needs {@code source_branch}, {@code target_branch},
 *     {@code title}; takes {@code description}, {@code labels} (comma-separated) and
 *     {@code reviewer_ids} (user ids); a second open one for the same branches is a 409;</li>
 * <li>{@code PUT /projects/:id/merge_requests/:merge_request_iid} changes what it is given;</li>
 * <li>{@code GET /users?username=} answers a list of zero or one user.</li>
 * </ul>
 * Every call is recorded; a call can be made to fail with a status.
 */
public final class GitLabApiTestServer extends ForgeApiTestServer {
    private static final Pattern PROJECT = Pattern.compile("^/api/v4/projects/([^/]+)(/.*)?$");

    public record Call(String method, String path, String privateToken, JsonNode body) {
    }

    private final String token;
    private final String projectPath;
    private final int projectId;
    public final List<Call> calls = new ArrayList<>();
    public final Map<Integer, ObjectNode> mergeRequests = new TreeMap<>();
    public final Map<String, Integer> users = new HashMap<>();

    public GitLabApiTestServer(String token, String projectPath, int projectId) throws IOException {
        super("/api/v4");
        this.token = token;
        this.projectPath = projectPath;
        this.projectId = projectId;
    }

    /** What the merge button does to the merge request (the test makes the commit itself). */
    public synchronized void markMerged(int iid) {
        mergeRequests.get(iid).put("state", "merged");
    }

    @Override
    void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String raw = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        Map<String, String> params = params(query);
        byte[] bytes = ex.getRequestBody().readAllBytes();
        JsonNode body = bytes.length == 0 ? null : JSON.readTree(bytes);
        String shown = raw.replaceFirst("^/api/v4", "");
        calls.add(new Call(method, shown + (query == null ? "" : "?" + URLDecoder.decode(query, StandardCharsets.UTF_8)),
                ex.getRequestHeaders().getFirst("PRIVATE-TOKEN"), body));
        int failStatus = failureFor(method, shown);
        if (failStatus != 0) {
            reply(ex, failStatus, JSON.createObjectNode().put("message", failStatus + " " + (failStatus == 401 ? "Unauthorized" : "Failure")));
            return;
        }
        if (!token.equals(ex.getRequestHeaders().getFirst("PRIVATE-TOKEN"))) {
            reply(ex, 401, JSON.createObjectNode().put("message", "401 Unauthorized"));
            return;
        }
        if (method.equals("GET") && raw.equals("/api/v4/users")) {
            ArrayNode list = JSON.createArrayNode();
            Integer id = users.get(params.getOrDefault("username", ""));
            if (id != null) {
                list.addObject().put("id", id).put("username", params.get("username")).put("name", params.get("username"))
                        .put("state", "active");
            }
            reply(ex, 200, list);
            return;
        }
        Matcher m = PROJECT.matcher(raw);
        // the project must be ONE segment: its id, or its path with "/" encoded as %2F
        if (!m.matches() || !(m.group(1).equals(String.valueOf(projectId))
                || m.group(1).equalsIgnoreCase(projectPath.replace("/", "%2F")))) {
            reply(ex, 404, JSON.createObjectNode().put("message", "404 Project Not Found"));
            return;
        }
        String rest = m.group(2) == null ? "" : m.group(2);
        if (method.equals("GET") && rest.equals("/merge_requests")) {
            ArrayNode list = JSON.createArrayNode();
            mergeRequests.values().stream()
                    .filter(mr -> matches(mr, "state", params) && matches(mr, "source_branch", params)
                            && matches(mr, "target_branch", params))
                    .forEach(list::add);
            reply(ex, 200, list);
        } else if (method.equals("POST") && rest.equals("/merge_requests")) {
            create(ex, body);
        } else if (method.equals("PUT") && rest.matches("/merge_requests/\\d+")) {
            ObjectNode mr = mergeRequests.get(Integer.parseInt(rest.substring("/merge_requests/".length())));
            if (mr == null) {
                reply(ex, 404, JSON.createObjectNode().put("message", "404 Not found"));
                return;
            }
            body.properties().forEach(f -> {
                if (f.getKey().equals("title") || f.getKey().equals("description")) {
                    mr.set(f.getKey(), f.getValue());
                }
            });
            reply(ex, 200, mr);
        } else {
            reply(ex, 404, JSON.createObjectNode().put("message", "404 Not Found"));
        }
    }

    private void create(HttpExchange ex, JsonNode body) throws IOException {
        for (String required : List.of("source_branch", "target_branch", "title")) {
            if (body == null || body.path(required).asText("").isEmpty()) {
                reply(ex, 400, JSON.createObjectNode().put("error", required + " is missing"));
                return;
            }
        }
        for (ObjectNode mr : mergeRequests.values()) {
            if (mr.path("state").asText().equals("opened") && mr.path("source_branch").equals(body.path("source_branch"))
                    && mr.path("target_branch").equals(body.path("target_branch"))) {
                reply(ex, 409, JSON.createObjectNode().set("message", JSON.createArrayNode()
                        .add("Another open merge request already exists for this source branch: !" + mr.path("iid").asInt())));
                return;
            }
        }
        if (body.has("labels") && !body.path("labels").isTextual()) {
            reply(ex, 400, JSON.createObjectNode().put("error", "labels is invalid"));
            return;
        }
        int iid = mergeRequests.size() + 1;
        ObjectNode mr = JSON.createObjectNode().put("id", 1000 + iid).put("iid", iid).put("project_id", projectId)
                .put("title", body.path("title").asText()).put("description", body.path("description").asText(""))
                .put("state", "opened").put("source_branch", body.path("source_branch").asText())
                .put("target_branch", body.path("target_branch").asText())
                .put("web_url", "https://gitlab.example/" + projectPath + "/-/merge_requests/" + iid);
        ArrayNode labels = mr.putArray("labels");
        if (body.has("labels")) {
            for (String label : body.path("labels").asText().split(",")) {
                labels.add(label.trim());
            }
        }
        ArrayNode reviewers = mr.putArray("reviewers");
        for (JsonNode id : body.path("reviewer_ids")) {
            String username = users.entrySet().stream().filter(e -> e.getValue() == id.asInt()).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (!id.isIntegralNumber() || username == null) {
                reply(ex, 400, JSON.createObjectNode().put("error", "reviewer_ids is invalid"));
                return;
            }
            reviewers.addObject().put("id", id.asInt()).put("username", username);
        }
        mergeRequests.put(iid, mr);
        reply(ex, 201, mr);
    }

    private static boolean matches(JsonNode mr, String field, Map<String, String> params) {
        return !params.containsKey(field) || mr.path(field).asText().equals(params.get(field));
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
