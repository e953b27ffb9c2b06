package io.flowpol.bench;

import io.flowpol.cli.ExitCodes;
import io.flowpol.cli.Main;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.ingest.cluster.ClusterRecordingReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The bench command (GitHub issue 7): times the pipeline stage by stage on a generated (or given)
 * v2 flow-log file and prints a Markdown table of records/s, MB/s, wall time and heap. The main
 * class of {@code bench/target/flowpol-bench.jar}, not a subcommand of the user's jar (issue 17):
 * it needs the samples generator, which users never run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure ingest and inference throughput on a generated v2 flow-log file.",
            "Generates the scenario once into --dir and reuses it; prints a Markdown table."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--records", paramLabel = "N", defaultValue = "5000000",
            description = "Flow-log records to generate. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--file", paramLabel = "FILE",
            description = "Use this v2 flow-log file (plain or gzip) instead of generating one. Default: generate one.")
    Path file;

    @Option(names = "--recording", paramLabel = "FILE",
            description = "The recording for --file. Default: recording.jsonl beside it.")
    Path recording;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where generated input is kept and reused. Default: .flowpol/bench/<records>.")
    Path dir;

    @Option(names = "--threads", paramLabel = "1|2", defaultValue = "2",
            description = "1: one thread; 2: parse on two more threads (alternate files or byte ranges, consumed in order). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--gzip", description = "Read the generated gzip files (S3 layout) instead of the plain file. Default: the plain file.")
    boolean gzip;

    @Option(names = "--stages", paramLabel = "STAGE", split = ",", defaultValue = "PARSE,RESOLVE,FULL",
            description = "Stages to time, in order: ${COMPLETION-CANDIDATES} (any case). Default: ${DEFAULT-VALUE}.")
    List<Stage> stages;

    @Option(names = "--prepare-only", description = "Generate the input (if missing) and stop, timing nothing.")
    boolean prepareOnly;

    /** Runs {@code bench} with the CLI's error handling ({@code java -jar bench/target/flowpol-bench.jar}). */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** {@code bench} alone, set up as {@link Main} sets up its subcommands: usage errors are one line, exit 2. */
    static CommandLine commandLine() {
        return Main.standalone(new BenchCommand());
    }

    @Override
    public Integer call() throws IOException {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        BenchInput input = input(out);
        if (prepareOnly) {
            out.println("input ready: " + input.description());
            out.flush();
            return ExitCodes.OK;
        }
        long began = System.nanoTime();
        ClusterTimeline cluster = new ClusterRecordingReader().read(List.of(input.recording())).timeline();
        double recordingSeconds = (System.nanoTime() - began) / 1e9;
        out.printf(Locale.ROOT, "%n## flowpol bench: %s%n%n", input.description());
        out.printf(Locale.ROOT, "recording %s read in %.2f s; %d processors, -Xmx %d MB, load average %.1f%n%n",
                input.recording(), recordingSeconds, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.flush();
        StageRunner runner = new StageRunner(input.flowLogs(), cluster, threads);
        List<StageResult> results = new ArrayList<>();
        for (Stage stage : stages) {
            results.add(runner.run(stage));
        }
        BenchTable.print(results, out);
        return ExitCodes.OK;
    }

    private void validate() {
        if (threads != 1 && threads != 2) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 or 2, found " + threads);
        }
        if (records < 1) {
            throw new ParameterException(spec.commandLine(), "--records must be at least 1, found " + records);
        }
        if (file != null && gzip) {
            throw new ParameterException(spec.commandLine(), "--gzip reads generated files; give a .gz file to --file");
        }
    }

    /** The given file, or the generated scenario for --records (generated on first use). */
    private BenchInput input(PrintWriter out) throws IOException {
        if (file != null) {
            Path rec = recording != null ? recording : file.toAbsolutePath().resolveSibling(ScenarioFiles.RECORDING);
            return new BenchInput(List.of(file), rec, file + " (" + Files.size(file) / 1_000_000 + " MB)");
        }
        ScenarioFiles scenario = new ScenarioFiles(dir != null ? dir : Path.of(".flowpol", "bench", Long.toString(records)));
        if (!scenario.exists()) {
            out.printf(Locale.ROOT, "generating %,d records into %s ...%n", records, scenario.plain().getParent());
            out.flush();
            scenario.generate(records);
        }
        if (gzip) {
            List<Path> files = scenario.gzipFiles();
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            return new BenchInput(files, scenario.recording(), files.size() + " gzip files, S3 layout ("
                    + bytes / 1_000_000 + " MB compressed)");
        }
        Path plain = scenario.plain();
        return new BenchInput(List.of(plain), scenario.recording(), plain + " (" + Files.size(plain) / 1_000_000 + " MB)");
    }
}
