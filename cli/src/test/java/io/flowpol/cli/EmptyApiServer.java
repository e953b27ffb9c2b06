package io.flowpol.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * A Kubernetes API server on loopback that knows one namespace and nothing else: lists answer
 * with it (namespaces) or nothing, watches wait a little and end empty, as an idle cluster's
 * do. Enough for {@code learn} to record a short window through the real recorder; the
 * recorder's own behaviour is tested in kube/ against a richer fake.
 */
final class EmptyApiServer implements AutoCloseable {
    private static final String NAMESPACE = "{\"metadata\":{\"name\":\"shop\",\"uid\":\"ns-1\",\"resourceVersion\":\"5\","
            + "\"labels\":{\"kubernetes.io/metadata.name\":\"shop\"}},\"spec\":{},\"status\":{\"phase\":\"Active\"}}";
    private final HttpServer server;

    EmptyApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "empty-api-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = String.valueOf(exchange.getRequestURI().getRawQuery());
        String body;
        if (query.contains("watch=true")) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            body = "";
        } else {
            boolean namespaces = exchange.getRequestURI().getPath().equals("/api/v1/namespaces");
            body = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"10\"},\"items\":["
                    + (namespaces ? NAMESPACE : "") + "]}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A kubeconfig whose current context is this server. */
    Path kubeconfig(Path dir) throws IOException {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                current-context: test
                clusters:
                - name: test
                  cluster: {server: "%s"}
                users:
                - name: me
                  user: {token: abc}
                contexts:
                - name: test
                  context: {cluster: test, user: me}
                """.formatted(url));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
