package io.flowpol.ingest.cluster;

import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.timeline.ClusterTimeline;
import java.util.List;

/**
 * What {@link ClusterRecordingReader} read: the timeline, non-fatal problems (ignored kinds,
 * snapshot without time, unselectable workloads, missed deletions) and the number of events
 * read, including those of ignored kinds.
 */
public record ClusterRecording(ClusterTimeline timeline, List<InputProblem> warnings, long events) {
    public ClusterRecording {
        if (timeline == null) {
            throw new IllegalArgumentException("timeline == null");
        }
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
