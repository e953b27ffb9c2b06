package io.flowpol.cli;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.ingest.record.ClusterRecorder;
import io.flowpol.ingest.record.KubeClientFactory;
import io.flowpol.ingest.record.RecorderOptions;
import io.flowpol.ingest.record.RecorderProgress;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Records the cluster for the learning window of {@code flowpol learn} (issue 4 §2, §3):
 * progress on stderr, a rewritten line on a terminal and a line a minute otherwise (a CI log
 * or {@code kubectl logs} stays readable over 24 h); SIGINT/SIGTERM stop the recorder through
 * a shutdown hook, which leaves a complete file to learn from later.
 */
final class LiveWindow {
    /** The window actually recorded, {@code [start, end)}, and the file. */
    record Recorded(Path file, Instant start, Instant end) {
    }

    private LiveWindow() {
    }

    static Recorded record(String kubeconfig, String context, List<String> namespaces, Duration window, Path dir,
                           PrintWriter err) {
        ApiClient client = KubeClientFactory.create(kubeconfig, context);
        return record(client, namespaces, window, dir, err, Progress.stderrIsTerminal());
    }

    /** As above; {@code setUp} may add to the recorder (the AWS network inventory's snapshots). */
    static Recorded record(String kubeconfig, String context, List<String> namespaces, Duration window, Path dir,
                           PrintWriter err, java.util.function.BiConsumer<ApiClient, ClusterRecorder> setUp) {
        ApiClient client = KubeClientFactory.create(kubeconfig, context);
        return record(client, namespaces, window, dir, err, Progress.stderrIsTerminal(), setUp);
    }

    /** A window that failed before recording anything leaves no empty recording in the state directory. */
    private static void deleteIfEmpty(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) == 0) {
                Files.delete(file);
            }
        } catch (IOException ignored) {
            // the recorder's failure is the one to report
        }
    }

    static Recorded record(ApiClient client, List<String> namespaces, Duration window, Path dir, PrintWriter err,
                           boolean terminal) {
        return record(client, namespaces, window, dir, err, terminal, (c, r) -> { });
    }

    static Recorded record(ApiClient client, List<String> namespaces, Duration window, Path dir, PrintWriter err,
                           boolean terminal, java.util.function.BiConsumer<ApiClient, ClusterRecorder> setUp) {
        Instant start = Instant.now();
        Path file = dir.resolve(start.toString().replace(':', '-') + ".jsonl");
        mkdirs(dir);
        RecorderOptions options = new RecorderOptions(file, window, namespaces, false);
        ClusterRecorder recorder = new ClusterRecorder(client, options, p -> progress(err, p, terminal),
                terminal ? Duration.ofSeconds(1) : Duration.ofMinutes(1));
        setUp.accept(client, recorder);
        Thread hook = new Thread(() -> {
            recorder.stop();
            err.printf("%nflowpol: interrupted: the recording so far is complete in %s; learn from it with "
                    + "--cluster %s --since %s --until <time of the interruption>%n", file, file, start);
            err.flush();
        }, "flowpol-learn-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            recorder.run();
        } catch (RuntimeException e) {
            deleteIfEmpty(file);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the JVM is stopping on a signal
            }
        }
        if (terminal) {
            err.print("\r\033[K");
            err.flush();
        }
        return new Recorded(file, start, start.plus(window));
    }

    private static void progress(PrintWriter err, RecorderProgress p, boolean terminal) {
        String line = String.format("flowpol: learning window: %s elapsed%s, %,d events recorded, %d pods tracked",
                human(p.elapsed()), p.remaining() == null ? "" : ", " + human(p.remaining()) + " remaining",
                p.events(), p.podsTracked());
        if (terminal) {
            err.print("\r" + line + "\033[K");
        } else {
            err.println(line);
        }
        err.flush();
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(InputProblem.error(dir.toString(), 0, "--state", "a writable directory",
                    io.flowpol.inference.model.IoReason.of(e)), e);
        }
    }
}
