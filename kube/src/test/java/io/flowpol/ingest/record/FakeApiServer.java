package io.flowpol.ingest.record;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * An in-process Kubernetes API server for recorder tests ({@link MockApiServer}, fabric8's
 * mockwebserver): keeps objects and a resourceVersion-ordered event history, serves list (with
 * a list resourceVersion) and watch-from-resourceVersion the way the API server does
 * (https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes),
 * and can be told to misbehave: cut a watch mid-event, hold watches, forget its history so the
 * next watch gets 410 Gone, refuse a resource with 403.
 *
 * <p>fabric8's own CRUD mode serves watches over WebSocket only, while kubernetes-client-java
 * watches with a streamed HTTP GET; hence this dispatcher. A watch answer carries the events
 * newer than the asked version and ends, so a recorder must resume from the last version it saw.
 */
final class FakeApiServer extends MockApiServer {
    private static final Set<String> CLUSTER_SCOPED = Set.of("namespaces", "nodes");
    private static final long EMPTY_WATCH_DELAY_MS = 100;

    private record Event(long version, String plural, String type, JsonObject object) {
    }

    private final Map<String, Map<String, JsonObject>> store = new LinkedHashMap<>();
    private final List<Event> history = new ArrayList<>();
    private final Set<String> forbidden = new java.util.HashSet<>();
    private long version = 1000;
    private long forgottenBelow;
    private boolean holdWatches;
    /** Plurals watched since the last hold; each answers one held watch before {@link #awaitHeldWatches}. */
    private final Set<String> watched = new java.util.HashSet<>();
    private Set<String> notYetHeld = Set.of();
    private java.util.concurrent.CountDownLatch heldWatches = new java.util.concurrent.CountDownLatch(0);
    private int cutNextWatchAfter = -1;

    /** Stores a new object and records ADDED; returns the stored object. */
    synchronized JsonObject create(String apiVersion, String kind, String plural, String namespace, String name,
                                   JsonObject body) {
        JsonObject object = body.deepCopy();
        object.addProperty("apiVersion", apiVersion);
        object.addProperty("kind", kind);
        JsonObject metadata = object.has("metadata") ? object.getAsJsonObject("metadata") : new JsonObject();
        metadata.addProperty("name", name);
        if (namespace != null) {
            metadata.addProperty("namespace", namespace);
        }
        metadata.addProperty("uid", UUID.randomUUID().toString());
        object.add("metadata", metadata);
        return put(plural, "ADDED", object);
    }

    /** Replaces a field of {@code status} and records MODIFIED. */
    synchronized JsonObject modifyStatus(String plural, String namespace, String name, String field, String value) {
        JsonObject object = objects(plural).get(key(namespace, name)).deepCopy();
        if (!object.has("status")) {
            object.add("status", new JsonObject());
        }
        object.getAsJsonObject("status").addProperty(field, value);
        return put(plural, "MODIFIED", object);
    }

    synchronized JsonObject delete(String plural, String namespace, String name) {
        JsonObject object = objects(plural).remove(key(namespace, name)).deepCopy();
        version++;
        object.getAsJsonObject("metadata").addProperty("resourceVersion", Long.toString(version));
        history.add(new Event(version, plural, "DELETED", object));
        return object;
    }

    /** Forgets all history so far (etcd compaction): older watches now get 410 Gone. */
    synchronized void forgetHistory() {
        forgottenBelow = version;
    }

    /** While held, watches end empty; events stay in the history. */
    synchronized void holdWatches(boolean hold) {
        holdWatches = hold;
        notYetHeld = hold ? new java.util.HashSet<>(watched) : Set.of();
        heldWatches = new java.util.concurrent.CountDownLatch(notYetHeld.size());
    }

    /**
     * Waits until every resource watched before {@link #holdWatches} has asked again and been
     * answered held: the watches that were open then have ended, none can carry later events.
     */
    void awaitHeldWatches() throws InterruptedException {
        java.util.concurrent.CountDownLatch latch;
        synchronized (this) {
            latch = heldWatches;
        }
        if (!latch.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("watches still open after 30 s: " + notYetHeld);
        }
    }

    /** The next watch with events sends {@code events} whole events and half of the next, then ends. */
    synchronized void cutNextWatchAfter(int events) {
        cutNextWatchAfter = events;
    }

    synchronized void forbid(String plural) {
        forbidden.add(plural);
    }

    private JsonObject put(String plural, String type, JsonObject object) {
        version++;
        object.getAsJsonObject("metadata").addProperty("resourceVersion", Long.toString(version));
        String namespace = object.getAsJsonObject("metadata").has("namespace")
                ? object.getAsJsonObject("metadata").get("namespace").getAsString() : null;
        String name = object.getAsJsonObject("metadata").get("name").getAsString();
        objects(plural).put(key(namespace, name), object);
        history.add(new Event(version, plural, type, object.deepCopy()));
        return object.deepCopy();
    }

    private Map<String, JsonObject> objects(String plural) {
        return store.computeIfAbsent(plural, p -> new LinkedHashMap<>());
    }

    private static String key(String namespace, String name) {
        return (namespace == null ? "" : namespace) + "/" + name;
    }

    @Override
    protected synchronized MockResponse answer(URI uri) {
        String[] parts = uri.getPath().split("/");
        // /api/v1/<rest> or /apis/<group>/v1/<rest>; rest = plural | namespaces/<ns>/plural
        int rest = parts[1].equals("api") ? 3 : 4;
        String namespace = null;
        String plural = parts[rest];
        if (parts.length == rest + 3 && parts[rest].equals("namespaces")) {
            namespace = parts[rest + 1];
            plural = parts[rest + 2];
        }
        Map<String, String> query = query(uri.getRawQuery());
        if (forbidden.contains(plural)) {
            return json(403, status(403, "Forbidden", plural + " is forbidden: User cannot list resource"));
        }
        Filter filter = new Filter(namespace, query.get("labelSelector"));
        return "true".equals(query.get("watch")) ? watch(plural, filter, Long.parseLong(query.get("resourceVersion")))
                : list(plural, filter);
    }

    private MockResponse list(String plural, Filter filter) {
        JsonArray items = new JsonArray();
        for (JsonObject object : objects(plural).values()) {
            if (filter.matches(object)) {
                JsonObject item = object.deepCopy();
                item.remove("apiVersion"); // list items may come without apiVersion and kind
                item.remove("kind");
                items.add(item);
            }
        }
        JsonObject list = new JsonObject();
        list.addProperty("apiVersion", "v1");
        list.addProperty("kind", "List");
        JsonObject metadata = new JsonObject();
        metadata.addProperty("resourceVersion", Long.toString(version));
        list.add("metadata", metadata);
        list.add("items", items);
        return json(200, list);
    }

    private MockResponse watch(String plural, Filter filter, long since) {
        if (since < forgottenBelow) {
            JsonObject error = new JsonObject();
            error.addProperty("type", "ERROR");
            error.add("object", status(410, "Expired", "too old resource version: " + since));
            return new MockResponse().setResponseCode(200).setBody(gson.toJson(error) + "\n");
        }
        watched.add(plural);
        if (holdWatches && notYetHeld.remove(plural)) {
            heldWatches.countDown();
        }
        StringBuilder body = new StringBuilder();
        int sent = 0;
        for (Event event : holdWatches ? List.<Event>of() : history) {
            if (event.version() <= since || !event.plural().equals(plural) || !filter.matches(event.object())) {
                continue;
            }
            JsonObject line = new JsonObject();
            line.addProperty("type", event.type());
            line.add("object", event.object());
            String text = gson.toJson(line);
            if (sent == cutNextWatchAfter) {
                cutNextWatchAfter = -1;
                body.append(text, 0, text.length() / 2);
                break;
            }
            body.append(text).append('\n');
            sent++;
        }
        MockResponse response = new MockResponse().setResponseCode(200).setBody(body.toString());
        return body.length() == 0 ? response.setBodyDelay(EMPTY_WATCH_DELAY_MS, TimeUnit.MILLISECONDS) : response;
    }

    /** Namespace and a single {@code key=value} label selector, all the recorder uses. */
    private record Filter(String namespace, String labelSelector) {
        boolean matches(JsonObject object) {
            JsonObject metadata = object.getAsJsonObject("metadata");
            if (namespace != null && !namespace.equals(metadata.get("namespace").getAsString())) {
                return false;
            }
            if (labelSelector == null) {
                return true;
            }
            String[] kv = labelSelector.split("=", 2);
            JsonObject labels = metadata.getAsJsonObject("labels");
            return labels != null && labels.has(kv[0]) && labels.get(kv[0]).getAsString().equals(kv[1]);
        }
    }
}
