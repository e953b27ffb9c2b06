package io.flowpol.cli.options;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the flow logs are and how to read them; shared by every command that reads flow logs. */
public final class FlowLogInputOptions {

    @Option(names = "--flow-logs", paramLabel = "PATH", arity = "1..*", required = true,
            description = "Flow-log files or directories (read recursively, in path order); plain or gzip, "
                    + "with or without the S3 header line.")
    public List<Path> paths;

    @Option(names = "--flow-log-format", paramLabel = "FORMAT",
            description = "The flow log's LogFormat as 'aws ec2 describe-flow-logs' prints it, e.g. "
                    + "'${version} ${account-id} ${interface-id} ...'. Default: each file's header line, "
                    + "else the v2 default format.")
    public String format;

    @Option(names = "--strict", description = "Stop at the first malformed flow-log line (default: count, "
            + "report and skip it).")
    public boolean strict;
}
