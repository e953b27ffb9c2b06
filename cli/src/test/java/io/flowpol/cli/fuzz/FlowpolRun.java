package io.flowpol.cli.fuzz;

import io.flowpol.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;

/**
 * One run of the real command tree in-process, out and err captured. What picocli's handler
 * does not catch (an {@link Error} such as StackOverflowError or OutOfMemoryError) is kept as
 * {@code thrown}; a run that does not end within the hang guard is {@code hung} (a liveness
 * guard for a loop in the input, e.g. owner references that cycle — not a timing assertion).
 */
record FlowpolRun(String[] args, int exit, String out, String err, Throwable thrown, boolean hung) {
    private static final long HANG_GUARD_SECONDS = Long.getLong("flowpol.fuzz.hang-seconds", 300);

    static FlowpolRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        FutureTask<Integer> task = new FutureTask<>(() -> {
            CommandLine cli = Main.commandLine(args);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            return cli.execute(args);
        });
        Thread thread = new Thread(task, "flowpol-fuzz-run");
        thread.setDaemon(true);
        thread.start();
        try {
            return new FlowpolRun(args, task.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS), out.toString(), err.toString(), null, false);
        } catch (ExecutionException e) {
            return new FlowpolRun(args, -1, out.toString(), err.toString(), e.getCause(), false);
        } catch (TimeoutException e) {
            thread.interrupt();
            return new FlowpolRun(args, -1, out.toString(), err.toString(), null, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "flowpol " + String.join(" ", args) + "\nexit " + exit + (hung ? " (hung)" : "")
                + (thrown != null ? " (threw " + thrown + ")" : "") + "\n--- out\n" + clip(out) + "--- err\n" + clip(err);
    }

    private static String clip(String text) {
        return text.length() > 4000 ? text.substring(0, 4000) + "...[" + text.length() + " chars]\n" : text;
    }
}
