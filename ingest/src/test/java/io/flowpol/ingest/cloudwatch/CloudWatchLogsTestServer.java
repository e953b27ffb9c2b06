package io.flowpol.ingest.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP endpoint that speaks the CloudWatch Logs JSON 1.1 protocol ({@code X-Amz-Target:
 * Logs_20140328.*}) for DescribeLogStreams and FilterLogEvents, with paging and scripted faults
 * (throttling, 500), so the real AWS SDK client can be tested against it on loopback.
 */
final class CloudWatchLogsTestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fault to answer instead of the next FilterLogEvents call. */
    enum Fault { THROTTLE, SERVER_ERROR }

    private final HttpServer server;
    private final Map<String, Map<String, List<long[]>>> groups = new TreeMap<>();
    private final Map<String, List<String>> messages = new TreeMap<>();
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final int pageSize;
    final AtomicLong filterCalls = new AtomicLong();
    final AtomicLong describeCalls = new AtomicLong();
    final AtomicLong responseBytes = new AtomicLong();

    CloudWatchLogsTestServer(int pageSize) throws IOException {
        this.pageSize = pageSize;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Adds an event; events of a stream are kept in timestamp order. */
    synchronized void put(String group, String stream, long timestamp, String message) {
        List<long[]> events = groups.computeIfAbsent(group, g -> new TreeMap<>()).computeIfAbsent(stream, s -> new ArrayList<>());
        List<String> texts = messages.computeIfAbsent(group + "\u0000" + stream, k -> new ArrayList<>());
        events.add(new long[] {timestamp, texts.size()});
        texts.add(message);
        events.sort((a, b) -> Long.compare(a[0], b[0]));
    }

    void inject(Fault fault) {
        faults.add(fault);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        try {
            if ("Logs_20140328.DescribeLogStreams".equals(target)) {
                describeCalls.incrementAndGet();
                reply(exchange, 200, describe(request));
            } else if ("Logs_20140328.FilterLogEvents".equals(target)) {
                filterCalls.incrementAndGet();
                Fault fault = faults.poll();
                if (fault == Fault.THROTTLE) {
                    reply(exchange, 400, error("ThrottlingException", "Rate exceeded"));
                } else if (fault == Fault.SERVER_ERROR) {
                    reply(exchange, 500, error("ServiceUnavailableException", "internal failure"));
                } else {
                    reply(exchange, 200, filter(request));
                }
            } else {
                reply(exchange, 400, error("UnknownOperationException", "unsupported: " + target));
            }
        } catch (NotFound e) {
            reply(exchange, 400, error("ResourceNotFoundException", e.getMessage()));
        }
    }

    private synchronized ObjectNode describe(JsonNode request) throws NotFound {
        Map<String, List<long[]>> streams = group(request.path("logGroupName").asText());
        String prefix = request.path("logStreamNamePrefix").asText("");
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("logStreams");
        for (Map.Entry<String, List<long[]>> e : streams.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                ObjectNode s = list.addObject();
                s.put("logStreamName", e.getKey());
                if (!e.getValue().isEmpty()) {
                    s.put("firstEventTimestamp", e.getValue().get(0)[0]);
                    s.put("lastEventTimestamp", e.getValue().get(e.getValue().size() - 1)[0]);
                }
            }
        }
        return out;
    }

    /**
     * FilterLogEvents over the named streams, or over every stream with the prefix, interleaved
     * by timestamp as CloudWatch Logs does; {@code nextToken} is the offset into that sequence.
     */
    private synchronized ObjectNode filter(JsonNode request) throws NotFound {
        String group = request.path("logGroupName").asText();
        Map<String, List<long[]>> streams = group(group);
        List<String> names = new ArrayList<>();
        request.path("logStreamNames").forEach(n -> names.add(n.asText()));
        String prefix = request.path("logStreamNamePrefix").asText("");
        long start = request.path("startTime").asLong(Long.MIN_VALUE);
        long end = request.path("endTime").asLong(Long.MAX_VALUE);
        List<Object[]> matching = new ArrayList<>();
        for (Map.Entry<String, List<long[]>> e : streams.entrySet()) {
            if (names.isEmpty() ? e.getKey().startsWith(prefix) : names.contains(e.getKey())) {
                List<String> texts = messages.get(group + "\u0000" + e.getKey());
                for (long[] event : e.getValue()) {
                    if (event[0] >= start && event[0] <= end) {
                        matching.add(new Object[] {event[0], e.getKey(), texts.get((int) event[1])});
                    }
                }
            }
        }
        matching.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
        int offset = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText().substring(2)) : 0;
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("events");
        int i = offset;
        for (; i < matching.size() && list.size() < pageSize; i++) {
            Object[] event = matching.get(i);
            ObjectNode e = list.addObject();
            e.put("logStreamName", (String) event[1]);
            e.put("timestamp", (Long) event[0]);
            e.put("ingestionTime", (Long) event[0] + 60_000);
            e.put("message", (String) event[2]);
            e.put("eventId", "e" + i);
        }
        if (i < matching.size()) {
            out.put("nextToken", "t/" + i);
        }
        return out;
    }

    private Map<String, List<long[]>> group(String name) throws NotFound {
        Map<String, List<long[]>> streams = groups.get(name);
        if (streams == null) {
            throw new NotFound("The specified log group does not exist.");
        }
        return streams;
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode out = JSON.createObjectNode();
        out.put("__type", type);
        out.put("message", message);
        return out;
    }

    private void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        responseBytes.addAndGet(bytes.length);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "test-" + System.nanoTime());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class NotFound extends Exception {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }
}
