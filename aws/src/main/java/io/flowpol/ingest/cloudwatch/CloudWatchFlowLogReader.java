package io.flowpol.ingest.cloudwatch;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.ingest.aws.AwsFailures;
import io.flowpol.ingest.aws.RetryCount;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import io.flowpol.ingest.flowlog.FlowLogLineParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * Reads every flow-log event of a window from CloudWatch Logs with FilterLogEvents over the whole
 * log group (optionally a stream-name prefix), which interleaves the streams — one per ENI — in
 * time order. Time order matters: inference joins the records of one connection captured at two
 * ENIs within a horizon (DESIGN.md fact 2), so reading one stream after another would break the
 * join. The window is cut into slices fetched {@code parallelism} at a time (the SDK retries
 * throttling and 5xx with backoff) and consumed strictly in slice order on the calling thread,
 * through small bounded queues: memory stays bounded whatever the window.
 */
public final class CloudWatchFlowLogReader {
    private static final int QUEUE_PAGES = 4;
    private static final int PROBLEM_SAMPLES = 20;
    private static final long STOP_WAIT_SECONDS = 30;
    /** Five minutes: the S3 delivery period too; small enough to parallelise a day, large enough for few calls. */
    static final long SLICE_MILLIS = 5 * 60_000L;

    private final CloudWatchLogsClient client;
    private final long sliceMillis;
    private final Path checkpoint;

    public CloudWatchFlowLogReader(CloudWatchLogsClient client) {
        this(client, SLICE_MILLIS, null);
    }

    /** With {@code checkpoint} (a directory, may be null), finished slices are kept there and not fetched again. */
    public CloudWatchFlowLogReader(CloudWatchLogsClient client, Path checkpoint) {
        this(client, SLICE_MILLIS, checkpoint);
    }

    CloudWatchFlowLogReader(CloudWatchLogsClient client, long sliceMillis, Path checkpoint) {
        this.client = client;
        this.sliceMillis = sliceMillis;
        this.checkpoint = checkpoint;
    }

    /**
     * Reads the window's events in {@code format} (CloudWatch delivery has no header line, DESIGN.md
     * fact 8) into {@code sink}; malformed events are counted, or fatal with {@code strict}.
     */
    public CloudWatchStats read(CloudWatchSource source, FlowLogFormat format, boolean strict, FlowSink sink) {
        long started = System.nanoTime();
        AtomicLong filterCalls = new AtomicLong();
        RetryCount retries = new RetryCount();
        SliceCache cache = checkpoint == null ? null : new SliceCache(checkpoint, source);
        List<long[]> bounds = new ArrayList<>();
        List<BlockingQueue<Page>> slices = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(source.parallelism(), r -> {
            Thread t = new Thread(r, "flowpol-cloudwatch");
            t.setDaemon(true);
            return t;
        });
        long cached = 0;
        for (long from = source.startMillis(); from < source.endMillis(); from += sliceMillis) {
            long to = Math.min(source.endMillis(), from + sliceMillis);
            bounds.add(new long[] {from, to});
            if (cache != null && cache.has(from, to)) {
                slices.add(null);
                cached++;
                continue;
            }
            BlockingQueue<Page> queue = new ArrayBlockingQueue<>(QUEUE_PAGES);
            slices.add(queue);
            long sliceStart = from;
            pool.execute(() -> fetch(source, sliceStart, to, queue, filterCalls, retries));
        }
        pool.shutdown();
        Consumer consumer = new Consumer(source.logGroup(), new FlowLogLineParser(format), strict, sink);
        try {
            for (int i = 0; i < slices.size(); i++) {
                long[] b = bounds.get(i);
                if (slices.get(i) == null) {
                    consumer.consume(cache.read(b[0], b[1]));
                    continue;
                }
                consumeSlice(source, slices.get(i), consumer, cache == null ? null : cache.write(b[0], b[1]));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(InputProblem.error("cloudwatch:" + source.logGroup(), 0, null, null, "interrupted"), e);
        } catch (java.io.UncheckedIOException e) {
            throw new InputException(InputProblem.error(String.valueOf(checkpoint), 0, "--checkpoint", null,
                    io.flowpol.inference.model.IoReason.of(e.getCause())), e);
        } finally {
            stop(pool);
        }
        return new CloudWatchStats(consumer.streams.size(), filterCalls.get(), retries.retries(), cached, consumer.events,
                consumer.bytes, consumer.malformed, consumer.problems, System.nanoTime() - started);
    }

    /**
     * Cancels the fetches and waits for the one in flight: a failed read must not leave requests
     * running (they would reach the service after the run, and race a resumed read's calls).
     */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Parses one fetched slice in order, keeping it in the checkpoint only once it is complete. */
    private static void consumeSlice(CloudWatchSource source, BlockingQueue<Page> queue, Consumer consumer,
                                     SliceCache.SliceWriter keep) throws InterruptedException {
        boolean complete = false;
        try {
            Page page = queue.take();
            for (; page.events != null; page = queue.take()) {
                consumer.consume(page.events);
                if (keep != null) {
                    keep.append(page.events);
                }
            }
            if (page.failure != null) {
                throw failure(source, page.failure);
            }
            complete = true;
        } finally {
            if (keep != null) {
                if (complete) {
                    keep.commit();
                } else {
                    keep.abandon();
                }
            }
        }
    }

    private void fetch(CloudWatchSource source, long from, long to, BlockingQueue<Page> queue, AtomicLong calls,
                       RetryCount retries) {
        try {
            FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder()
                    .logGroupName(source.logGroup())
                    .startTime(from)
                    .endTime(to - 1)
                    .overrideConfiguration(retries.attach());
            if (source.streamPrefix() != null) {
                request.logStreamNamePrefix(source.streamPrefix());
            }
            for (FilterLogEventsResponse response : client.filterLogEventsPaginator(request.build())) {
                calls.incrementAndGet();
                if (!response.events().isEmpty()) {
                    queue.put(new Page(response.events(), null));
                }
            }
            queue.put(new Page(null, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                // The end marker carries the failure: the consumer sees it after the pages before it.
                queue.put(new Page(null, e));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static InputException failure(CloudWatchSource source, Throwable e) {
        String where = "cloudwatch:" + source.logGroup();
        return new InputException(InputProblem.error(where, 0, null, null, AwsFailures.reason(e)), e);
    }

    /** A page of events of one slice; {@code events == null} marks the slice's end, {@code failure} its error. */
    private record Page(List<FilteredLogEvent> events, Throwable failure) {
    }

    /** Parses pages on the caller's thread into one reused cursor; numbers events per stream. */
    private static final class Consumer {
        private final String group;
        private final FlowLogLineParser parser;
        private final boolean strict;
        private final FlowSink sink;
        private final FlowRecord record = new FlowRecord();
        private final Map<String, Integer> streamIds = new HashMap<>();
        private final List<String> streams = new ArrayList<>();
        private long[] eventNumbers = new long[16];
        private byte[] buffer = new byte[512];
        private long events;
        private long bytes;
        private long malformed;
        private final List<InputProblem> problems = new ArrayList<>();

        Consumer(String group, FlowLogLineParser parser, boolean strict, FlowSink sink) {
            this.group = group;
            this.parser = parser;
            this.strict = strict;
            this.sink = sink;
        }

        void consume(List<FilteredLogEvent> page) {
            for (FilteredLogEvent event : page) {
                int stream = streamId(event.logStreamName());
                long number = ++eventNumbers[stream];
                String message = event.message();
                if (message == null) {
                    // an event without the text it exists for: malformed, never a crash (issue 12 item 13)
                    events++;
                    record.clear();
                    reject(InputProblem.error(where(stream), number, "message", "a flow-log record", "no message"));
                    continue;
                }
                int length = ascii(message);
                events++;
                bytes += Math.max(0, length);
                record.clear();
                if (length < 0) {
                    reject(InputProblem.error(where(stream), number, "message", "ASCII text", "a non-ASCII character"));
                    continue;
                }
                if (!parser.parse(buffer, 0, length, record)) {
                    reject(parser.problem().toInputProblem(where(stream), number, buffer));
                    continue;
                }
                record.sourceId = stream;
                record.line = number;
                sink.accept(record);
            }
        }

        private int streamId(String name) {
            Integer id = streamIds.get(name);
            if (id == null) {
                id = streams.size();
                streamIds.put(name, id);
                streams.add(name);
                if (id == eventNumbers.length) {
                    eventNumbers = java.util.Arrays.copyOf(eventNumbers, id * 2);
                }
            }
            return id;
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
