package io.flowpol.ingest.cloudwatch;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import io.flowpol.ingest.flowlog.FlowLogLineParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;

/**
 * Reads every flow-log event of a window from CloudWatch Logs: lists the streams (one per ENI),
 * fetches {@code parallelism} streams at once with FilterLogEvents (all pages; the SDK retries
 * throttling and 5xx with backoff), and parses on the calling thread so the sink needs no
 * locking. Pages pass through a small bounded queue: memory stays bounded whatever the window.
 */
public final class CloudWatchFlowLogReader {
    private static final int QUEUE_PAGES = 8;
    private static final int PROBLEM_SAMPLES = 20;

    private final CloudWatchLogsClient client;

    public CloudWatchFlowLogReader(CloudWatchLogsClient client) {
        this.client = client;
    }

    /**
     * Reads the window's events in {@code format} (CloudWatch delivery has no header line, DESIGN.md
     * fact 8) into {@code sink}; malformed events are counted, or fatal with {@code strict}.
     */
    public CloudWatchStats read(CloudWatchSource source, FlowLogFormat format, boolean strict, FlowSink sink) {
        long started = System.nanoTime();
        AtomicLong describeCalls = new AtomicLong();
        List<String> streams = listStreams(source, describeCalls);
        AtomicLong filterCalls = new AtomicLong();
        BlockingQueue<Page> queue = new ArrayBlockingQueue<>(QUEUE_PAGES);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(source.parallelism(), Math.max(1, streams.size())),
                r -> {
                    Thread t = new Thread(r, "flowpol-cloudwatch");
                    t.setDaemon(true);
                    return t;
                });
        for (int i = 0; i < streams.size(); i++) {
            int index = i;
            pool.execute(() -> fetch(source, streams.get(index), index, queue, filterCalls));
        }
        pool.shutdown();
        Consumer consumer = new Consumer(source.logGroup(), streams, new FlowLogLineParser(format), strict, sink);
        try {
            for (int finished = 0; finished < streams.size(); ) {
                Page page = queue.take();
                if (page.failure != null) {
                    throw failure(source, streams.get(page.stream), page.failure);
                }
                if (page.events == null) {
                    finished++;
                } else {
                    consumer.consume(page);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(InputProblem.error(source.logGroup(), 0, null, null, "interrupted"), e);
        } finally {
            pool.shutdownNow();
        }
        return new CloudWatchStats(streams.size(), describeCalls.get(), filterCalls.get(), consumer.events,
                consumer.bytes, consumer.malformed, consumer.problems, System.nanoTime() - started);
    }

    private List<String> listStreams(CloudWatchSource source, AtomicLong calls) {
        List<String> names = new ArrayList<>();
        try {
            DescribeLogStreamsRequest.Builder request = DescribeLogStreamsRequest.builder().logGroupName(source.logGroup());
            if (source.streamPrefix() != null) {
                request.logStreamNamePrefix(source.streamPrefix());
            }
            for (DescribeLogStreamsResponse page : client.describeLogStreamsPaginator(request.build())) {
                calls.incrementAndGet();
                for (LogStream stream : page.logStreams()) {
                    // Skip streams that ended before the window or began after it.
                    Long first = stream.firstEventTimestamp();
                    Long last = stream.lastEventTimestamp();
                    if ((last != null && last < source.startMillis()) || (first != null && first >= source.endMillis())) {
                        continue;
                    }
                    names.add(stream.logStreamName());
                }
            }
        } catch (SdkException e) {
            throw failure(source, null, e);
        }
        names.sort(null);
        return names;
    }

    private void fetch(CloudWatchSource source, String stream, int index, BlockingQueue<Page> queue, AtomicLong calls) {
        try {
            FilterLogEventsRequest request = FilterLogEventsRequest.builder()
                    .logGroupName(source.logGroup())
                    .logStreamNames(stream)
                    .startTime(source.startMillis())
                    .endTime(source.endMillis() - 1)
                    .build();
            for (FilterLogEventsResponse response : client.filterLogEventsPaginator(request)) {
                calls.incrementAndGet();
                if (!response.events().isEmpty()) {
                    queue.put(new Page(index, response.events(), null));
                }
            }
            queue.put(new Page(index, null, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                queue.put(new Page(index, null, e));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static InputException failure(CloudWatchSource source, String stream, Throwable e) {
        String where = "cloudwatch:" + source.logGroup() + (stream == null ? "" : "/" + stream);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new InputException(InputProblem.error(where, 0, null, null, message.replace('\n', ' ')), e);
    }

    /** A page of events of one stream; {@code events == null} marks the stream's end, {@code failure} its error. */
    private record Page(int stream, List<FilteredLogEvent> events, Throwable failure) {
    }

    /** Parses pages on the caller's thread into one reused cursor. */
    private static final class Consumer {
        private final String group;
        private final List<String> streams;
        private final FlowLogLineParser parser;
        private final boolean strict;
        private final FlowSink sink;
        private final FlowRecord record = new FlowRecord();
        private final long[] eventNumbers;
        private byte[] buffer = new byte[512];
        private long events;
        private long bytes;
        private long malformed;
        private final List<InputProblem> problems = new ArrayList<>();

        Consumer(String group, List<String> streams, FlowLogLineParser parser, boolean strict, FlowSink sink) {
            this.group = group;
            this.streams = streams;
            this.parser = parser;
            this.strict = strict;
            this.sink = sink;
            this.eventNumbers = new long[streams.size()];
        }

        void consume(Page page) {
            for (FilteredLogEvent event : page.events()) {
                long number = ++eventNumbers[page.stream()];
                String message = event.message();
                int length = ascii(message);
                events++;
                bytes += length;
                record.clear();
                if (length < 0) {
                    reject(InputProblem.error(where(page.stream()), number, "message", "ASCII text", "a non-ASCII character"));
                    continue;
                }
                if (!parser.parse(buffer, 0, length, record)) {
                    reject(parser.problem().toInputProblem(where(page.stream()), number, buffer));
                    continue;
                }
                record.sourceId = page.stream();
                record.line = number;
                sink.accept(record);
            }
        }

        /** Copies the ASCII message into the reused buffer; -1 when a character is not ASCII. */
        private int ascii(String message) {
            int n = message.length();
            if (buffer.length < n) {
                buffer = new byte[Math.max(n, buffer.length * 2)];
            }
            for (int i = 0; i < n; i++) {
                char c = message.charAt(i);
                if (c > 0x7F) {
                    return -1;
                }
                buffer[i] = (byte) c;
            }
            return n;
        }

        private String where(int stream) {
            return "cloudwatch:" + group + "/" + streams.get(stream);
        }

        private void reject(InputProblem problem) {
            if (strict) {
                throw new InputException(problem);
            }
            malformed++;
            if (problems.size() < PROBLEM_SAMPLES) {
                problems.add(problem);
            }
        }
    }
}
