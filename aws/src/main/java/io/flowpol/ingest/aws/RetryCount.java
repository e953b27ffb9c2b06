package io.flowpol.ingest.aws;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts the attempts the SDK's retry strategy repeated (throttling, 5xx, broken connections) for
 * the requests it is attached to, so a read can report them with its call counts (issue 12 item
 * 13: retries were invisible even with {@code -v}). It reads the SDK's own per-call
 * {@code RetryCount} metric ("the number of retries that the SDK performed in the execution of
 * the request", AWS SDK for Java 2.x metrics reference), published once per API call, failed
 * calls included. Attached per request rather than per client, so any client — the CLI's, a
 * test's — is counted, and two reads on one client are counted apart. Thread-safe: the
 * CloudWatch reader fetches slices on several threads.
 */
public final class RetryCount implements MetricPublisher {
    private final AtomicLong retries = new AtomicLong();

    /** For a request builder's {@code overrideConfiguration(...)}: publish this call's metrics here. */
    public Consumer<AwsRequestOverrideConfiguration.Builder> attach() {
        return o -> o.addMetricPublisher(this);
    }

    @Override
    public void publish(MetricCollection metrics) {
        for (Integer n : metrics.metricValues(CoreMetric.RETRY_COUNT)) {
            retries.addAndGet(n);
        }
    }

    /** Retried attempts so far (0 when every call succeeded the first time). */
    public long retries() {
        return retries.get();
    }

    @Override
    public void close() {
        // nothing held: the client owns its resources
    }
}
