package io.flowpol.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the real command tree in-process and captures what it printed (STYLE.md: kcctl's tests). */
final class Cli {
    static final Path REPO = Path.of(System.getProperty("flowpol.repo.dir", "..")).toAbsolutePath().normalize();
    static final Path DEMO = REPO.resolve("samples/demo");

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        CommandLine cli = Main.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
