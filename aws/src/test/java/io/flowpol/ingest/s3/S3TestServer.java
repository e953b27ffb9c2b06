package io.flowpol.ingest.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A loopback endpoint speaking the S3 REST protocol, path-style, for the real SDK client:
 * ListObjectsV2 (prefix, delimiter, continuation tokens, small pages), GetObject, the 404
 * errors NoSuchBucket / NoSuchKey, and scripted 500 InternalError answers that the SDK retries.
 */
final class S3TestServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, TreeMap<String, byte[]>> buckets = new HashMap<>();
    private final Set<String> vanished = new HashSet<>();
    private final int pageSize;
    final AtomicInteger serverErrors = new AtomicInteger();
    final List<String> listPrefixes = new ArrayList<>();
    final AtomicInteger listCalls = new AtomicInteger();
    final AtomicInteger getCalls = new AtomicInteger();

    S3TestServer(int pageSize) throws IOException {
        this.pageSize = pageSize;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A real SDK client for this endpoint: path-style addressing, dummy static credentials. */
    S3Client client(Region region) {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .build();
    }

    synchronized void put(String bucket, String key, byte[] body) {
        buckets.computeIfAbsent(bucket, b -> new TreeMap<>()).put(key, body);
    }

    /** The key stays in listings but GetObject answers NoSuchKey, as after a concurrent delete. */
    synchronized void vanish(String key) {
        vanished.add(key);
    }

    synchronized void restore(String key) {
        vanished.remove(key);
    }

    /** Answers the next {@code count} requests with 500 InternalError. */
    void failNext(int count) {
        serverErrors.addAndGet(count);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (serverErrors.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(exchange, 500, "InternalError", "We encountered an internal error. Please try again.");
                return;
            }
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8).substring(1);
            int slash = path.indexOf('/');
            String bucket = slash < 0 ? path : path.substring(0, slash);
            String key = slash < 0 ? "" : path.substring(slash + 1);
            TreeMap<String, byte[]> objects;
            synchronized (this) {
                objects = buckets.get(bucket);
            }
            if (objects == null) {
                error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
            } else if (key.isEmpty()) {
                list(exchange, bucket, objects, query(exchange.getRequestURI().getRawQuery()));
            } else {
                get(exchange, objects, key);
            }
        }
    }

    private void get(HttpExchange exchange, TreeMap<String, byte[]> objects, String key) throws IOException {
        getCalls.incrementAndGet();
        byte[] body;
        synchronized (this) {
            body = vanished.contains(key) ? null : objects.get(key);
        }
        if (body == null) {
            error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private void list(HttpExchange exchange, String bucket, TreeMap<String, byte[]> objects, Map<String, String> q)
            throws IOException {
        listCalls.incrementAndGet();
        String prefix = q.getOrDefault("prefix", "");
        String delimiter = q.get("delimiter");
        synchronized (this) {
            listPrefixes.add(prefix + (delimiter == null ? "" : " (delimiter)"));
        }
        // Keys and common prefixes in one sorted sequence, as S3 pages them.
        TreeSet<String> entries = new TreeSet<>();
        for (String key : objects.tailMap(prefix).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            int cut = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
            entries.add(cut < 0 ? key : key.substring(0, cut + 1));
        }
        List<String> all = new ArrayList<>(entries);
        int from = q.containsKey("continuation-token") ? Integer.parseInt(q.get("continuation-token")) : 0;
        int to = Math.min(all.size(), from + pageSize);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        xml.append("<Name>").append(bucket).append("</Name><Prefix>").append(escape(prefix)).append("</Prefix>")
                .append("<KeyCount>").append(to - from).append("</KeyCount><MaxKeys>1000</MaxKeys>")
                .append("<IsTruncated>").append(to < all.size()).append("</IsTruncated>");
        if (to < all.size()) {
            xml.append("<NextContinuationToken>").append(to).append("</NextContinuationToken>");
        }
        for (String entry : all.subList(from, to)) {
            if (delimiter != null && entry.endsWith(delimiter) && !objects.containsKey(entry)) {
                xml.append("<CommonPrefixes><Prefix>").append(escape(entry)).append("</Prefix></CommonPrefixes>");
            } else {
                xml.append("<Contents><Key>").append(escape(entry)).append("</Key>")
                        .append("<LastModified>2026-12-01T00:00:00.000Z</LastModified><ETag>\"0\"</ETag>")
                        .append("<Size>").append(objects.get(entry).length).append("</Size>")
                        .append("<StorageClass>STANDARD</StorageClass></Contents>");
            }
        }
        xml.append("</ListBucketResult>");
        send(exchange, 200, xml.toString());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                q.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message><RequestId>test</RequestId></Error>");
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.getResponseHeaders().set("x-amz-request-id", "test");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
