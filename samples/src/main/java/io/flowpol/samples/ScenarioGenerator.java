package io.flowpol.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.stream.Stream;

/**
 * Generates the demo scenario: an EKS cluster's recording and the VPC Flow Logs its traffic
 * produced, plus the ground truth of that traffic. Deterministic per seed (byte-identical
 * output) and streaming (memory does not grow with the number of flow-log records).
 *
 * <p>Writes into {@code outDir}: {@code recording.jsonl}, {@code flowlogs/v2/...},
 * {@code flowlogs/v5/...}, {@code truth.json} and {@code format-v5.txt}.
 */
public final class ScenarioGenerator {
    private final ScenarioOptions options;
    private final int internetClients;

    public ScenarioGenerator(ScenarioOptions options) {
        this(options, 0);
    }

    /**
     * With {@code internetClients} distinct public clients reaching the frontend straight through a
     * load balancer with client IP preservation ({@link InternetClientTraffic}); 0 for none.
     */
    public ScenarioGenerator(ScenarioOptions options, int internetClients) {
        if (options == null) {
            throw new IllegalArgumentException("options == null");
        }
        if (internetClients < 0 || internetClients > InternetClientTraffic.MAX_CLIENTS) {
            throw new IllegalArgumentException("--internet-clients must be 0 to " + InternetClientTraffic.MAX_CLIENTS
                    + ": " + internetClients);
        }
        this.options = options;
        this.internetClients = internetClients;
    }

    /**
     * Writes the scenario into {@code outDir}, which must be empty or absent: files of an
     * earlier run with other options would mix with this one's.
     *
     * @return the number of flow-log records written (per format)
     * @throws FileAlreadyExistsException if {@code outDir} holds anything
     */
    public long write(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        try (Stream<Path> entries = Files.list(outDir)) {
            if (entries.findAny().isPresent()) {
                throw new FileAlreadyExistsException(outDir.toString(), null, "output directory is not empty");
            }
        }
        ClusterPlan plan = new ClusterPlanner(options).plan();
        new RecordingWriter(plan, options).write(outDir.resolve("recording.jsonl"));
        TruthRecorder truth = new TruthRecorder();
        long records;
        try (FlowLogWriter writer = new FlowLogWriter(outDir, plan, options)) {
            new TrafficSimulator(plan, options, writer, truth, internetClients).run();
            records = writer.written();
        }
        truth.write(outDir.resolve("truth.json"), plan, options);
        Files.writeString(outDir.resolve("format-v5.txt"), FlowLogFormat.v5LogFormat() + "\n",
                StandardCharsets.US_ASCII);
        return records;
    }

    /**
     * {@code --seed N --out DIR --window 2h --density N --records N --start RFC3339 --enis-per-node N
     * --extra-workloads N --internet-clients N --external-snat true|false --reschedules N}.
     */
    public static void main(String[] args) {
        try {
            Arguments parsed = Arguments.parse(args);
            long records = new ScenarioGenerator(parsed.options(), parsed.internetClients()).write(parsed.out());
            System.out.println("wrote " + records + " flow-log records per format to " + parsed.out());
        } catch (IllegalArgumentException e) {
            System.err.println("generator: error: " + e.getMessage());
            System.err.println(Arguments.USAGE);
            System.exit(2);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("generator: error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Command-line arguments; every option has the demo's default. */
    record Arguments(ScenarioOptions options, Path out, int internetClients) {
        static final String USAGE = "usage: ScenarioGenerator --out DIR [--seed 7] [--start 2026-11-30T10:00:00Z]"
                + " [--window 2h] [--density 50] [--records 0 (no cap)] [--enis-per-node 1] [--extra-workloads 0]"
                + " [--internet-clients 0 (public clients of the frontend, client IP preserved)] [--external-snat false]"
                + " [--reschedules 0 (pods of shop Deployments evicted and replaced on another node)]";

        static Arguments parse(String[] args) {
            ScenarioOptions d = ScenarioOptions.defaults();
            long seed = d.seed();
            Instant start = d.start();
            Duration window = d.window();
            int density = d.connectionsPerMinute();
            long records = 0;
            int enis = d.enisPerNode();
            int extra = d.extraWorkloads();
            int internet = 0;
            boolean externalSnat = d.externalSnat();
            int reschedules = 0;
            Path out = null;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + flag);
                }
                String value = args[++i];
                try {
                    switch (flag) {
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--out" -> out = Path.of(value);
                        case "--start" -> start = Instant.parse(value);
                        case "--window" -> window = duration(value);
                        case "--density" -> density = Integer.parseInt(value);
                        case "--records" -> records = Long.parseLong(value);
                        case "--enis-per-node" -> enis = Integer.parseInt(value);
                        case "--extra-workloads" -> extra = Integer.parseInt(value);
                        case "--internet-clients" -> internet = Integer.parseInt(value);
                        case "--external-snat" -> externalSnat = bool(flag, value);
                        case "--reschedules" -> reschedules = Integer.parseInt(value);
                        default -> throw new IllegalArgumentException("unknown option " + flag);
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new IllegalArgumentException(flag + ": cannot parse '" + value + "'");
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("--out is required");
            }
            return new Arguments(new ScenarioOptions(seed, start, window, density, records, enis, extra, externalSnat,
                    reschedules), out, internet);
        }

        private static boolean bool(String flag, String value) {
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(flag + ": expected true or false, found " + value);
            };
        }

        /** {@code 90m}, {@code 2h}, {@code 1d}, or ISO-8601 ({@code PT2H}). */
        static Duration duration(String text) {
            if (text.startsWith("P") || text.startsWith("p")) {
                return Duration.parse(text);
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("--window: expected 90m, 2h or 1d, found " + text);
            };
        }
    }
}
