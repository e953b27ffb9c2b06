package io.flowpol.cli.propose;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A loopback git "smart HTTP" host that answers every request 401 with a Basic challenge, as GitHub does without a valid token. */
public final class UnauthorizedGitServer implements AutoCloseable {
    private final HttpServer server;

    private UnauthorizedGitServer(HttpServer server) {
        this.server = server;
    }

    public static UnauthorizedGitServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"GitHub\"");
            ex.sendResponseHeaders(401, -1);
            ex.close();
        });
        server.start();
        return new UnauthorizedGitServer(server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/acme/gitops.git";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
