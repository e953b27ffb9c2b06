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
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClientBuilder;

/**
 * A local HTTP endpoint that speaks the CloudWatch Logs JSON 1.1 protocol ({@code X-Amz-Target:
 * Logs_20140328.*}) for DescribeLogStreams and FilterLogEvents, with paging and scripted faults
 * (throttling, 500), so the real AWS SDK client can be tested against it on loopback. It also
 * answers StartQuery / GetQueryResults by evaluating the Logs Insights query over its stored
 * events ({@link InsightsQueryEngine}), with scripted Running polls and final statuses.
 */
final class CloudWatchLogsTestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fault to answer instead of the next FilterLogEvents call. */
    enum Fault { THROTTLE, SERVER_ERROR }

    private final HttpServer server;
    private final Map<String, Map<String, List<long[]>>> groups = new TreeMap<>();
    private final Map<String, List<String>> messages = new TreeMap<>();
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final Deque<Fault> insightsFaults = new ConcurrentLinkedDeque<>();
    private volatile boolean pointerRowsOnly;
    private volatile boolean noRows;
    private final int pageSize;
    final AtomicLong filterCalls = new AtomicLong();
    final AtomicLong responseBytes = new AtomicLong();
    final AtomicLong startQueryCalls = new AtomicLong();
    final List<String> queries = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, QueryRun> runs = new java.util.concurrent.ConcurrentHashMap<>();
    private final Deque<String> queryOutcomes = new ConcurrentLinkedDeque<>();
    private volatile int runningPolls;

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

    /** A builder of a real SDK client for this endpoint with dummy static credentials. */
    CloudWatchLogsClientBuilder clientBuilder(Region region) {
        return CloudWatchLogsClient.builder()
                .endpointOverride(endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")));
    }

    /** Adds an event; events of a stream are kept in timestamp order. */
    synchronized void put(String group, String stream, long timestamp, String message) {
        List<long[]> events = groups.computeIfAbsent(group, g -> new TreeMap<>()).computeIfAbsent(stream, s -> new ArrayList<>());
        List<String> texts = messages.computeIfAbsent(group + "\u0000" + stream, k -> new ArrayList<>());
        events.add(new long[] {timestamp, texts.size()});
        texts.add(message);
        events.sort((a, b) -> Long.compare(a[0], b[0]));
    }

    private volatile long failAfterCalls = Long.MAX_VALUE;
    private final java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger();

    /** After {@code calls} good FilterLogEvents calls, answer the next {@code failures} with 500: an outage mid-read. */
    void outageAfter(long calls, int failures) {
        failAfterCalls = calls;
        failuresLeft.set(failures);
    }

    void inject(Fault fault) {
        faults.add(fault);
    }

    /** A fault to answer instead of the next StartQuery or GetQueryResults call (the SDK retries both). */
    void injectInsights(Fault fault) {
        insightsFaults.add(fault);
    }

    /**
     * Completed queries return rows that hold only {@code @ptr}, none of the fields the query
     * asked for: what an endpoint that does not run the query (or a query that parsed nothing)
     * gives back (issue 12 item 13).
     */
    void pointerRowsOnly() {
        pointerRowsOnly = true;
    }

    /** Completed queries return no rows at all, while their statistics still count the records they matched. */
    void noRows() {
        noRows = true;
    }

    /** GetQueryResults answers Running this many times before a query's final status. */
    void runningPolls(int polls) {
        runningPolls = polls;
    }

    /** The next query ends with {@code status} (Failed, Cancelled, Timeout) instead of Complete. */
    void endNextQuery(String status) {
        queryOutcomes.add(status);
    }

    /** One started query: its final status, its result, and the Running polls left. */
    private static final class QueryRun {
        final String status;
        final InsightsQueryEngine.Result result;
        final long scanned;
        final long bytes;
        int polls;

        QueryRun(String status, InsightsQueryEngine.Result result, long scanned, long bytes, int polls) {
            this.status = status;
            this.result = result;
            this.scanned = scanned;
            this.bytes = bytes;
            this.polls = polls;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        try {
            if ("Logs_20140328.DescribeLogStreams".equals(target)) {
                reply(exchange, 200, describe(request));
            } else if ("Logs_20140328.FilterLogEvents".equals(target)) {
                filterCalls.incrementAndGet();
                Fault fault = failuresLeft.get() > 0 && filterCalls.get() > failAfterCalls
                        && failuresLeft.getAndDecrement() > 0 ? Fault.SERVER_ERROR : faults.poll();
                if (fault == Fault.THROTTLE) {
                    reply(exchange, 400, error("ThrottlingException", "Rate exceeded"));
                } else if (fault == Fault.SERVER_ERROR) {
                    reply(exchange, 500, error("ServiceUnavailableException", "internal failure"));
                } else {
                    reply(exchange, 200, filter(request));
                }
            } else if ("Logs_20140328.StartQuery".equals(target) || "Logs_20140328.GetQueryResults".equals(target)) {
                Fault fault = insightsFaults.poll();
                if (fault == Fault.THROTTLE) {
                    reply(exchange, 400, error("ThrottlingException", "Rate exceeded"));
                } else if (fault == Fault.SERVER_ERROR) {
                    reply(exchange, 500, error("ServiceUnavailableException", "internal failure"));
                } else if ("Logs_20140328.StartQuery".equals(target)) {
                    reply(exchange, 200, startQuery(request));
                } else {
                    reply(exchange, 200, queryResults(request));
                }
            } else {
                reply(exchange, 400, error("UnknownOperationException", "unsupported: " + target));
            }
        } catch (NotFound e) {
            reply(exchange, 400, error("ResourceNotFoundException", e.getMessage()));
        } catch (IllegalArgumentException e) {
            reply(exchange, 400, error("MalformedQueryException", e.getMessage()));
        }
    }

    /** Runs the query at once over the events in [startTime, endTime] (seconds, inclusive) of the group. */
    private synchronized ObjectNode startQuery(JsonNode request) throws NotFound {
        startQueryCalls.incrementAndGet();
        String group = request.path("logGroupName").asText();
        Map<String, List<long[]>> streams = group(group);
        String text = request.path("queryString").asText();
        queries.add(text);
        InsightsQueryEngine engine = new InsightsQueryEngine(text);
        long from = request.path("startTime").asLong() * 1000;
        long to = (request.path("endTime").asLong() + 1) * 1000;
        List<InsightsQueryEngine.Event> events = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, List<long[]>> stream : streams.entrySet()) {
            List<String> texts = messages.get(group + "\u0000" + stream.getKey());
            for (long[] event : stream.getValue()) {
                if (event[0] >= from && event[0] < to) {
                    String message = texts.get((int) event[1]);
                    events.add(new InsightsQueryEngine.Event(stream.getKey(), event[0], message));
                    bytes += message.length();
                }
            }
        }
        InsightsQueryEngine.Result result = engine.run(events);
        int limit = request.path("limit").asInt(Integer.MAX_VALUE);
        if (result.rows().size() > limit) {
            result = new InsightsQueryEngine.Result(result.rows().subList(0, limit), result.matched());
        }
        String outcome = queryOutcomes.poll();
        String id = "q-" + startQueryCalls.get();
        runs.put(id, new QueryRun(outcome == null ? "Complete" : outcome, result, events.size(), bytes, runningPolls));
        ObjectNode out = JSON.createObjectNode();
        out.put("queryId", id);
        return out;
    }

    private ObjectNode queryResults(JsonNode request) {
        QueryRun run = runs.get(request.path("queryId").asText());
        ObjectNode out = JSON.createObjectNode();
        ArrayNode rows = out.putArray("results");
        synchronized (run) {
            if (run.polls > 0) {
                run.polls--;
                out.put("status", "Running");
                return out;
            }
        }
        out.put("status", run.status);
        if (!"Complete".equals(run.status)) {
            return out;
        }
        long pointer = 0;
        for (Map<String, String> row : noRows ? List.<Map<String, String>>of() : run.result.rows()) {
            ArrayNode fields = rows.addArray();
            if (pointerRowsOnly) {
                ObjectNode f = fields.addObject();
                f.put("field", "@ptr");
                f.put("value", "CmAKJwoj" + Long.toHexString(++pointer));
                continue;
            }
            for (Map.Entry<String, String> field : row.entrySet()) {
                ObjectNode f = fields.addObject();
                f.put("field", field.getKey());
                f.put("value", field.getValue());
            }
        }
        ObjectNode statistics = out.putObject("statistics");
        statistics.put("recordsMatched", (double) run.result.matched());
        statistics.put("recordsScanned", (double) run.scanned);
        statistics.put("bytesScanned", (double) run.bytes);
        return out;
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
