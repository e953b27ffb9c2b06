package io.flowpol.ingest.cluster;

import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.timeline.ClusterTimeline;
import java.util.List;

/**
 * What {@link ClusterRecordingReader} read: the timeline, non-fatal problems (ignored kinds,
 * snapshot without time, unselectable workloads, missed deletions) and the number of events
 * read, including those of ignored kinds. {@code inventory}: the AWS network inventory snapshots the
 * recording holds ({@code record --aws-network live}), timed; {@link NetworkInventory#EMPTY} when none.
 */
public record ClusterRecording(ClusterTimeline timeline, List<InputProblem> warnings, long events, NetworkInventory inventory) {
    public ClusterRecording {
        if (timeline == null) {
            throw new IllegalArgumentException("timeline == null");
        }
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        inventory = inventory == null ? NetworkInventory.EMPTY : inventory;
    }

    /** A recording without inventory snapshots. */
    public ClusterRecording(ClusterTimeline timeline, List<InputProblem> warnings, long events) {
        this(timeline, warnings, events, NetworkInventory.EMPTY);
    }
}
