package io.flowpol.ingest.record;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ClusterRecorder} records and where.
 *
 * @param out the JSON Lines file to write
 * @param duration how long to record; {@code null} records until {@link ClusterRecorder#stop()}
 * @param namespaces namespaces whose namespaced objects are recorded; empty means all. Namespaces
 *     and Nodes are always recorded cluster-wide, and so is the API server's EndpointSlice in
 *     {@code default} (DESIGN.md fact 10), whatever this list says
 * @param append append to an existing file; without it an existing non-empty file is refused
 */
public record RecorderOptions(Path out, Duration duration, List<String> namespaces, boolean append) {

    public RecorderOptions {
        Objects.requireNonNull(out, "out == null");
        Objects.requireNonNull(namespaces, "namespaces == null");
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
        namespaces = List.copyOf(namespaces);
        for (String namespace : namespaces) {
            if (namespace.isBlank()) {
                throw new IllegalArgumentException("namespaces contains a blank name");
            }
        }
    }
}
