package io.flowpol.cli.propose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A loopback HTTP server that answers the GitHub REST calls of the PR bot with a small
 * in-memory store of pull requests, records every call (method, path, Authorization header,
 * body) and can be told to fail a call with a status.
 */
public final class GitHubApiTestServer extends ForgeApiTestServer {
    public record Call(String method, String path, String authorization, JsonNode body) {
    }

    public final List<Call> calls = new ArrayList<>();
    public final Map<Integer, ObjectNode> pulls = new TreeMap<>();

    public GitHubApiTestServer() throws IOException {
        super("/api/v3");
    }

    @Override
    void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath().replaceFirst("^/api/v3", "");
        String query = ex.getRequestURI().getRawQuery();
        byte[] raw = ex.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
        calls.add(new Call(method, path + (query == null ? "" : "?" + URLDecoder.decode(query, StandardCharsets.UTF_8)),
                ex.getRequestHeaders().getFirst("Authorization"), body));
        int failStatus = failureFor(method, path);
        if (failStatus != 0) {
            ObjectNode error = JSON.createObjectNode().put("message", failStatus == 401 ? "Bad credentials" : "Validation Failed");
            reply(ex, failStatus, error);
            return;
        }
        if (method.equals("GET") && path.endsWith("/pulls")) {
            String head = URLDecoder.decode(query, StandardCharsets.UTF_8).replaceAll(".*head=[^:]*:", "");
            ArrayNode list = JSON.createArrayNode();
            pulls.values().stream().filter(p -> p.path("head").asText().equals(head) && p.path("state").asText().equals("open"))
                    .forEach(list::add);
            reply(ex, 200, list);
        } else if (method.equals("POST") && path.endsWith("/pulls")) {
            int number = pulls.size() + 1;
            ObjectNode pr = JSON.createObjectNode().put("number", number).put("state", "open")
                    .put("html_url", "https://github.example/o/r/pull/" + number)
                    .put("title", body.path("title").asText()).put("body", body.path("body").asText())
                    .put("head", body.path("head").asText()).put("base", body.path("base").asText());
            pulls.put(number, pr);
            reply(ex, 201, pr);
        } else if (method.equals("PATCH") && path.matches(".*/pulls/\\d+")) {
            ObjectNode pr = pulls.get(Integer.parseInt(path.replaceAll(".*/", "")));
            pr.put("title", body.path("title").asText()).put("body", body.path("body").asText());
            reply(ex, 200, pr);
        } else if (method.equals("POST") && (path.endsWith("/labels") || path.endsWith("/requested_reviewers"))) {
            reply(ex, 200, JSON.createObjectNode());
        } else {
            reply(ex, 404, JSON.createObjectNode().put("message", "Not Found"));
        }
    }
}
