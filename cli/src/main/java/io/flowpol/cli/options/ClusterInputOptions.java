package io.flowpol.cli.options;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The cluster recording(s) of the learning window. */
public final class ClusterInputOptions {

    @Option(names = "--cluster", paramLabel = "PATH", arity = "1..*", required = true,
            description = "Cluster recording: JSON Lines of watch events ('flowpol record'), or 'kubectl get "
                    + "... -o json' List snapshots. Several files are merged by time.")
    public List<Path> paths;
}
