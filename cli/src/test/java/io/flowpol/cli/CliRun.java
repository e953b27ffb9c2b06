package io.flowpol.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs the real command tree in-process with captured out/err, and reads what it wrote. */
record CliRun(int exit, String out, String err) {
    static final Path REPO = Path.of(System.getProperty("flowpol.repo.dir", ".."));
    static final Path DEMO = REPO.resolve("samples/demo");

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /**
     * The policy YAML of an output directory, by relative path, with comment lines removed:
     * the rules' evidence comments cite connection counts, which differ between a window
     * learned at once and in parts, while what the policies allow must not.
     */
    static Map<String, String> policies(Path out) {
        Map<String, String> byPath = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                StringBuilder text = new StringBuilder();
                for (String line : Files.readAllLines(file)) {
                    if (!line.trim().startsWith("#")) {
                        text.append(line).append('\n');
                    }
                }
                byPath.put(out.relativize(file).toString(), text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byPath;
    }
}
