package io.flowpol.cli.propose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * What the GitHub and GitLab stand-ins share: a loopback JDK HTTP server under an API base path,
 * JSON replies, and a call prefix the test can make fail with a status.
 */
abstract class ForgeApiTestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String basePath;
    private String failPrefix;
    private int failStatus;

    ForgeApiTestServer(String basePath) throws IOException {
        this.basePath = basePath;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            synchronized (this) {
                handle(ex);
            }
        });
        server.start();
    }

    /** Answers one call; runs under this server's lock, like {@link #fail}. */
    abstract void handle(HttpExchange ex) throws IOException;

    public URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + basePath);
    }

    /** Every call whose "METHOD path" (path after the API base, raw) starts with {@code prefix} answers {@code status}. */
    public synchronized void fail(String prefix, int status) {
        failPrefix = prefix;
        failStatus = status;
    }

    /** The status {@link #fail} asked for this call, or 0. */
    final int failureFor(String method, String path) {
        return failPrefix != null && (method + " " + path).startsWith(failPrefix) ? failStatus : 0;
    }

    static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
