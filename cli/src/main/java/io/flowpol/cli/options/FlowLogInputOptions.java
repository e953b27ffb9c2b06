package io.flowpol.cli.options;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the flow logs are and how to read them; shared by every command that reads flow logs. */
public final class FlowLogInputOptions {

    @Option(names = "--flow-logs", paramLabel = "PATH", arity = "1..*",
            description = "Flow-log files or directories (read recursively, in path order); plain or gzip, "
                    + "with or without the S3 header line. Give one flow-log source: --flow-logs, --s3 or --cloudwatch-log-group.")
    public List<Path> paths;

    @Option(names = "--s3", paramLabel = "S3_URI",
            description = "Read flow logs delivered to S3: s3://bucket/prefix above AWSLogs/ (only the objects of the "
                    + "window are fetched; needs --since and --until).")
    public String s3;

    @Option(names = "--cloudwatch-log-group", paramLabel = "NAME",
            description = "Read flow logs delivered to this CloudWatch Logs group (needs --since and --until).")
    public String cloudWatchLogGroup;

    @Option(names = "--log-stream-prefix", paramLabel = "PREFIX",
            description = "With --cloudwatch-log-group: only streams (ENIs) whose name starts with PREFIX. Default: every stream.")
    public String logStreamPrefix;

    @Option(names = "--aggregate-in", paramLabel = "WHERE", defaultValue = "flowpol",
            description = "With --cloudwatch-log-group: 'flowpol' reads every event (exact for every format); "
                    + "'cloudwatch' pushes the aggregation into CloudWatch Logs Insights (needs pkt-srcaddr and "
                    + "pkt-dstaddr in the format). Default: ${DEFAULT-VALUE}.")
    public String aggregateIn;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "With --s3 or --cloudwatch-log-group: keep what was read in DIR, so that a run interrupted "
                    + "(outage, ^C) resumes without fetching it again; the flows are then replayed from DIR in order, "
                    + "so nothing is counted twice. Delete DIR to start over. Default: none.")
    public Path checkpoint;

    @Option(names = "--parallel-requests", paramLabel = "N", defaultValue = "4",
            description = "CloudWatch time slices fetched at once (the service rate-limits). Default: ${DEFAULT-VALUE}.")
    public int parallelRequests;

    @Option(names = "--flow-log-format", paramLabel = "FORMAT",
            description = "The flow log's LogFormat as 'aws ec2 describe-flow-logs' prints it, e.g. "
                    + "'$${version} $${account-id} $${interface-id} ...'. Default: each file's header line, "
                    + "else the v2 default format.")
    public String format;

    @Option(names = "--strict", description = "Stop at the first malformed flow-log line (verify and diff: also at a policy "
            + "document's unknown field or repeated key). Default: count, report and skip it (warn).")
    public boolean strict;
}
