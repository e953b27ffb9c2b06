package io.flowpol.bench;

import io.flowpol.cli.Main;
import io.flowpol.cli.propose.ScratchDirectories;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs one flowpol command several times in one JVM and prints each run's wall time, the CPU time
 * of the thread that ran it (for {@code generate}: the consuming side of the read, the inference
 * and the output) and the whole process's CPU time (issue 13: how much of a cold run is the JVM
 * warming up, and what the per-record code costs once compiled). The first run is what a user's
 * process pays; the later ones are the steady state. Each run writes to a fresh directory given
 * as {@code --out}, removed after.
 *
 * <p>Run: {@code java -XX:+UseSerialGC -cp bench/target/flowpol-bench.jar io.flowpol.bench.WarmGenerate
 * RUNS generate --flow-logs ... --cluster ...} (the launcher's JVM options are the fair comparison).
 */
public final class WarmGenerate {
    private WarmGenerate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !args[0].matches("[1-9][0-9]{0,3}")) {
            System.err.println("usage: WarmGenerate RUNS COMMAND [OPTIONS...] (without --out: each run gets its own)");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[0]);
        String[] command = Arrays.copyOfRange(args, 1, args.length);
        int failed = run(runs, command, System.out);
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Runs {@code command} {@code runs} times, a line per run on {@code report}; the number of runs that did not exit 0. */
    static int run(int runs, String[] command, PrintStream report) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int failed = 0;
        for (int i = 1; i <= runs; i++) {
            Path out = Files.createTempDirectory("flowpol-warm");
            Files.delete(out);
            String[] full = Arrays.copyOf(command, command.length + 2);
            full[command.length] = "--out";
            full[command.length + 1] = out.toString();
            StringWriter err = new StringWriter();
            long wall = System.nanoTime();
            long thread = threads.getCurrentThreadCpuTime();
            long process = os.getProcessCpuTime();
            var cli = Main.commandLine(full);
            cli.setOut(new PrintWriter(new StringWriter()));
            cli.setErr(new PrintWriter(err));
            int code = cli.execute(full);
            wall = System.nanoTime() - wall;
            thread = threads.getCurrentThreadCpuTime() - thread;
            process = os.getProcessCpuTime() - process;
            report.printf(Locale.ROOT, "run %d: exit %d, wall %.2f s, command thread %.2f CPU s, process %.2f CPU s%n",
                    i, code, wall / 1e9, thread / 1e9, process / 1e9);
            if (code != 0) {
                failed++;
                report.print(err);
            }
            remove(out);
        }
        return failed;
    }

    private static void remove(Path dir) {
        if (Files.exists(dir)) {
            ScratchDirectories.delete(dir);
        }
    }
}
