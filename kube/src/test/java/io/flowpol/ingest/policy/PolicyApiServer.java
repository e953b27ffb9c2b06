package io.flowpol.ingest.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fabric8.mockwebserver.http.MockResponse;
import io.flowpol.ingest.record.MockApiServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-process API server for {@link ClusterPolicySource}: cluster-wide list endpoints
 * ({@code /apis/<group>/<version>/<plural>}) with {@code limit}/{@code continue} paging the way
 * the API server pages, 404 for anything not served (an absent API group, an unknown resource),
 * and a chosen status for a resource (403 Forbidden, 503 for an aggregated API whose pods are
 * down). The recorder's FakeApiServer, on the same {@link MockApiServer}, serves watches instead.
 */
final class PolicyApiServer extends MockApiServer {
    private final Map<String, List<JsonObject>> served = new LinkedHashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();

    /** Serves {@code /apis/<apiVersion>/<plural>} (empty until objects are added). */
    synchronized PolicyApiServer serve(String apiVersion, String plural) {
        served.computeIfAbsent(apiVersion + "/" + plural, k -> new ArrayList<>());
        return this;
    }

    /**
     * Adds an object as a list item; {@code json} is the object without apiVersion and kind, as
     * built-in list items come, unless the test includes them.
     */
    synchronized PolicyApiServer add(String apiVersion, String plural, String json) {
        serve(apiVersion, plural);
        served.get(apiVersion + "/" + plural).add(JsonParser.parseString(json).getAsJsonObject());
        return this;
    }

    synchronized PolicyApiServer fail(String apiVersion, String plural, int code) {
        failures.put(apiVersion + "/" + plural, code);
        return this;
    }

    @Override
    protected synchronized MockResponse answer(URI uri) {
        String path = uri.getPath();
        String key = path.startsWith("/apis/") ? path.substring("/apis/".length()) : path;
        Integer failure = failures.get(key);
        if (failure != null) {
            String reason = failure == 403 ? "Forbidden" : failure == 401 ? "Unauthorized" : "ServiceUnavailable";
            return json(failure, status(failure, reason, key + ": " + reason.toLowerCase(java.util.Locale.ROOT)));
        }
        List<JsonObject> items = served.get(key);
        if (items == null) {
            return json(404, status(404, "NotFound", "the server could not find the requested resource"));
        }
        Map<String, String> query = query(uri.getRawQuery());
        int from = query.containsKey("continue") ? Integer.parseInt(query.get("continue")) : 0;
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : Integer.MAX_VALUE;
        int to = (int) Math.min(items.size(), (long) from + limit);
        JsonArray page = new JsonArray();
        items.subList(from, to).forEach(item -> page.add(item.deepCopy()));
        JsonObject list = new JsonObject();
        list.addProperty("apiVersion", key.substring(0, key.lastIndexOf('/')));
        list.addProperty("kind", "List");
        JsonObject metadata = new JsonObject();
        metadata.addProperty("resourceVersion", "4711");
        if (to < items.size()) {
            metadata.addProperty("continue", Integer.toString(to));
        }
        list.add("metadata", metadata);
        list.add("items", page);
        return json(200, list);
    }

}
