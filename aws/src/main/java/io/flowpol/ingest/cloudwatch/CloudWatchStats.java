package io.flowpol.ingest.cloudwatch;

import io.flowpol.inference.model.InputProblem;
import java.util.List;

/**
 * What a CloudWatch read did: streams seen, API pages fetched (each page is one FilterLogEvents
 * call), attempts the SDK retried (throttling, 5xx), events, message bytes, malformed events
 * (with the first few problems), elapsed time.
 */
public record CloudWatchStats(int streams, long filterCalls, long retries, long slicesFromCheckpoint, long events, long messageBytes,
                              long malformed, List<InputProblem> problems, long elapsedNanos) {
    public CloudWatchStats {
        problems = List.copyOf(problems);
    }
}
