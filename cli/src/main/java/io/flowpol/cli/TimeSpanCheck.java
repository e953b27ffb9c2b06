package io.flowpol.cli;

import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.timeline.ClusterTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts flow-log records that start far outside the learning window ({@code --since/--until})
 * or the recording's span, on their way to inference (GitHub issue 12, item 8). Such records are
 * not this window's: flow logs of another day, a recording of another time, or a clock that is
 * off. Inference skips records outside the window and cannot resolve pods the recording did not
 * see yet, both silently; these counts turn that into a warning. Two compares per record, no
 * allocation.
 *
 * <p>The recording's last event is not its end (a quiet cluster records nothing for hours), so
 * only records a day after it count as far.
 */
final class TimeSpanCheck implements FlowSink {
    /** Records up to an aggregation interval (at most 10 minutes) or a delivery delay off the window are normal. */
    static final long FAR_MILLIS = 3_600_000L;
    static final long FAR_AFTER_RECORDING_MILLIS = 24 * FAR_MILLIS;

    private final FlowSink next;
    private final long since;
    private final long until;
    private final long windowFrom;
    private final long windowTo;
    private final long recordingFrom;
    private final long recordingTo;
    private final long recordingStart;
    private final long recordingEnd;
    private long farFromWindow;
    private long farFromRecording;
    private long firstFar = Long.MAX_VALUE;
    private long lastFar = Long.MIN_VALUE;

    TimeSpanCheck(FlowSink next, long sinceMillis, long untilMillis, ClusterTimeline timeline) {
        this.next = next;
        this.since = sinceMillis;
        this.until = untilMillis;
        this.windowFrom = sinceMillis == Long.MIN_VALUE ? Long.MIN_VALUE : sinceMillis - FAR_MILLIS;
        this.windowTo = untilMillis == Long.MAX_VALUE ? Long.MAX_VALUE : untilMillis + FAR_MILLIS;
        boolean timed = timeline.start() > 0 && timeline.end() != Long.MAX_VALUE && timeline.end() >= timeline.start();
        this.recordingStart = timeline.start();
        this.recordingEnd = timeline.end();
        this.recordingFrom = timed ? timeline.start() - FAR_MILLIS : Long.MIN_VALUE;
        this.recordingTo = timed ? timeline.end() + FAR_AFTER_RECORDING_MILLIS : Long.MAX_VALUE;
    }

    @Override
    public void accept(FlowRecord record) {
        long start = record.startMillis;
        if (start >= 0 && (start < windowFrom || start >= windowTo)) {
            farFromWindow++;
        }
        if (start >= 0 && (start < recordingFrom || start > recordingTo)) {
            farFromRecording++;
            firstFar = Math.min(firstFar, start);
            lastFar = Math.max(lastFar, start);
        }
        next.accept(record);
    }

    /** One warning per kind of distance, empty when every record is near. */
    List<InputProblem> warnings(long records) {
        List<InputProblem> out = new ArrayList<>();
        if (farFromWindow > 0) {
            out.add(warning("--flow-logs", "%,d of %,d".formatted(farFromWindow, records) + " flow-log records start more than an hour"
                    + " outside --since/--until (" + time(since) + " to " + time(until)
                    + ") and were skipped: are these the flow logs of that window?"));
        }
        if (farFromRecording > 0) {
            out.add(warning("--cluster", "%,d of %,d".formatted(farFromRecording, records) + " flow-log records (from " + time(firstFar)
                    + " to " + time(lastFar) + ") start more than an hour before or a day after the recording ("
                    + time(recordingStart) + " to " + time(recordingEnd) + "): their pods cannot be resolved from it;"
                    + " record the cluster over the same window"));
        }
        return out;
    }

    private static InputProblem warning(String field, String message) {
        return new InputProblem(null, 0, field, null, message, Finding.Severity.WARNING);
    }

    private static String time(long millis) {
        return millis == Long.MIN_VALUE || millis == Long.MAX_VALUE ? "open" : Instant.ofEpochMilli(millis).toString();
    }
}
