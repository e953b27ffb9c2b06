package io.flowpol.cli;

import io.flowpol.cli.options.FlowLogInputOptions;
import io.flowpol.cli.options.WindowOptions;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Checks that exactly one flow-log source was named, with what it needs, and describes it for the report. */
final class FlowLogSelection {
    private FlowLogSelection() {
    }

    static void check(CommandLine command, FlowLogInputOptions o, WindowOptions window) {
        if (sources(o) != 1) {
            throw usage(command, "name exactly one flow-log source: --flow-logs, --s3 or --cloudwatch-log-group");
        }
        boolean remote = o.paths == null;
        if (remote && (window.since == null || window.until == null)) {
            throw usage(command, (o.s3 != null ? "--s3" : "--cloudwatch-log-group") + " needs --since and --until (the window to read)");
        }
        if (window.since != null && window.until != null && !window.until.isAfter(window.since)) {
            throw usage(command, "--until must be after --since");
        }
        if (!List.of("flowpol", "cloudwatch").contains(o.aggregateIn)) {
            throw usage(command, "--aggregate-in: expected flowpol or cloudwatch, found '" + o.aggregateIn + "'");
        }
        if ("cloudwatch".equals(o.aggregateIn) && o.cloudWatchLogGroup == null) {
            throw usage(command, "--aggregate-in cloudwatch needs --cloudwatch-log-group");
        }
        if (o.checkpoint != null && (o.paths != null || "cloudwatch".equals(o.aggregateIn))) {
            throw usage(command, "--checkpoint goes with --s3 or --cloudwatch-log-group in record mode (files need none)");
        }
        if (o.format != null) {
            checkFormat(command, o.format);
        }
        if (o.parallelRequests < 1 || o.parallelRequests > 32) {
            throw usage(command, "--parallel-requests: expected 1 to 32, found " + o.parallelRequests);
        }
    }

    /** How many of --flow-logs, --s3 and --cloudwatch-log-group were given. */
    static int sources(FlowLogInputOptions o) {
        return (o.paths == null ? 0 : 1) + (o.s3 == null ? 0 : 1) + (o.cloudWatchLogGroup == null ? 0 : 1);
    }

    /**
     * A typo in a user-given format would shift every column, and a format without a field the
     * pipeline needs gives no policies or wrong counts (issue 12, item 8): refuse both before
     * reading anything.
     */
    private static void checkFormat(CommandLine command, String format) {
        FlowLogFormat parsed;
        try {
            parsed = FlowLogFormat.parse(format);
        } catch (InputException e) {
            InputProblem p = e.problem();
            throw usage(command, InputProblem.error(null, 0, "--flow-log-format", p.expected(), p.found()).message());
        }
        List<String> missing = parsed.missingRequired();
        if (!missing.isEmpty()) {
            throw usage(command, InputProblem.error(null, 0, "--flow-log-format",
                    "the fields flowpol needs (" + FlowLogFormat.REQUIRED_TEXT + ")",
                    "no " + String.join(", ", missing)).message());
        }
    }

    static List<String> describe(FlowLogInputOptions o) {
        if (o.s3 != null) {
            return List.of(o.s3);
        }
        if (o.cloudWatchLogGroup != null) {
            return List.of("cloudwatch:" + o.cloudWatchLogGroup + (o.logStreamPrefix == null ? "" : "/" + o.logStreamPrefix + "*")
                    + ("cloudwatch".equals(o.aggregateIn) ? " (Logs Insights)" : ""));
        }
        return o.paths.stream().map(Path::toString).toList();
    }

    /** A usage error (exit 2), reported like picocli's own. */
    private static CommandLine.ParameterException usage(CommandLine command, String message) {
        return new CommandLine.ParameterException(command, message);
    }
}
