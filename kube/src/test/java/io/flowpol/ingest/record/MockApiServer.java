package io.flowpol.ingest.record;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every in-process Kubernetes API server of the ingest tests shares: fabric8's
 * mockwebserver with a dispatcher that hands each request to {@link #answer(URI)}, the log of
 * requests, and the JSON answers the API server gives (objects, {@code Status} failures,
 * https://kubernetes.io/docs/reference/using-api/api-concepts/#response-status-kind).
 * Subclasses: the recorder's {@link FakeApiServer} (list and watch) and the policy reader's
 * {@code PolicyApiServer} (paged lists).
 */
public abstract class MockApiServer implements AutoCloseable {
    /** Held so the level sticks: the mock logs every request at INFO. */
    private static final Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

    protected final Gson gson = new Gson();
    private final MockWebServer server = new MockWebServer();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    protected MockApiServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request.getPath());
                try {
                    return answer(URI.create(request.getPath()));
                } catch (RuntimeException e) {
                    // answer at once: a request the fake cannot serve must fail a test, not hang it
                    return json(500, status(500, "InternalError", e.toString()));
                }
            }
        });
        server.start();
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }

    /** The answer to one request (path and query). */
    protected abstract MockResponse answer(URI uri);

    public String url() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    /** Paths of every request so far, with their query strings. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    protected MockResponse json(int code, JsonObject body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(gson.toJson(body));
    }

    /** A {@code Status} object with {@code status: Failure}, as the API server answers errors. */
    protected static JsonObject status(int code, String reason, String message) {
        JsonObject status = new JsonObject();
        status.addProperty("kind", "Status");
        status.addProperty("apiVersion", "v1");
        status.add("metadata", new JsonObject());
        status.addProperty("status", "Failure");
        status.addProperty("message", message);
        status.addProperty("reason", reason);
        status.addProperty("code", code);
        return status;
    }

    /** The decoded query parameters, in order. */
    protected static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
