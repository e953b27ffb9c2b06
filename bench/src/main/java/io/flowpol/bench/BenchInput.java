package io.flowpol.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What the bench reads: flow-log files in the order the pipeline reads them, and the cluster
 * recording their addresses resolve against.
 *
 * @param flowLogs the flow-log files, in read order
 * @param recording the recording (JSON Lines of watch events)
 * @param description how the input is shown in the table heading
 */
public record BenchInput(List<Path> flowLogs, Path recording, String description) {
    public BenchInput {
        flowLogs = List.copyOf(flowLogs);
        if (flowLogs.isEmpty()) {
            throw new IllegalArgumentException("flowLogs is empty");
        }
        if (recording == null) {
            throw new IllegalArgumentException("recording == null");
        }
    }
}
