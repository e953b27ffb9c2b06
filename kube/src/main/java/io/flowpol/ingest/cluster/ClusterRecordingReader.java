package io.flowpol.ingest.cluster;

import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads cluster recordings (DESIGN.md "Contracts"): JSON Lines of watch events
 * ({@code {"time":"<RFC 3339>","type":"ADDED|MODIFIED|DELETED","object":{...}}}) and
 * {@code kubectl get -o json} Lists, detected per file, into one
 * {@link io.flowpol.inference.timeline.ClusterTimeline}. Events of all files are merged by
 * time; the sort is stable, so events with equal times keep file and line order.
 *
 * <p>Kinds read: Namespace, Node, Pod, Service, EndpointSlice, Endpoints, Deployment,
 * ReplicaSet, StatefulSet, DaemonSet, Job, CronJob; other kinds are counted in a warning.
 * Malformed events are fatal ({@link InputException} with file:line): a recording with holes
 * resolves IPs to the wrong pods (fact 6).
 */
public final class ClusterRecordingReader {

    private final RecordingFileParser parser = new RecordingFileParser();

    /**
     * Reads and merges {@code files}.
     *
     * @throws InputException for a missing or unreadable file, a line that is not JSON, an event
     *     without {@code time}/{@code type}/{@code object}, a bad RFC 3339 time or a bad address
     */
    public ClusterRecording read(List<Path> files) {
        if (files == null || files.isEmpty()) {
            throw new InputException(InputProblem.error(null, 0, "recording", "at least one file", "none"));
        }
        List<WatchEvent> events = new ArrayList<>();
        for (Path file : files) {
            events.addAll(parser.parse(file));
        }
        events.sort(Comparator.comparingLong(WatchEvent::time));
        TimelineBuilder builder = new TimelineBuilder();
        events.forEach(builder::apply);
        var timeline = builder.build();
        List<InputProblem> warnings = new ArrayList<>();
        events.stream().filter(e -> e.time() == WatchEvent.UNTIMED).findFirst().ifPresent(e -> warnings.add(
                new InputProblem(e.file(), 0, "time", null,
                        "a snapshot has no time: its pods are taken as alive for the whole window, so a reused"
                        + " IP cannot be resolved (DESIGN.md fact 6); record watch events instead",
                        Finding.Severity.WARNING)));
        warnings.addAll(builder.warnings());
        return new ClusterRecording(timeline, warnings, events.size(), builder.inventory());
    }
}
