package io.flowpol.ingest.record;

import java.time.Duration;

/**
 * A snapshot for the progress line of {@code flowpol record}.
 *
 * @param events events written so far
 * @param podsTracked pods the recorder currently believes exist
 * @param reconnects watches resumed from their last resourceVersion after a drop or a timeout
 * @param relists re-lists after 410 Gone (each one written as differences)
 * @param elapsed time since recording started
 * @param remaining time left, {@code null} when recording until stopped
 */
public record RecorderProgress(long events, int podsTracked, long reconnects, long relists,
                               Duration elapsed, Duration remaining) {
}
