package io.flowpol.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = BenchCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void generatesOnceThenReusesAndPrintsOneRowPerStage() {
        String records = "15000";
        assertEquals(0, run("--records", records, "--dir", dir.toString(), "--threads", "2"), err.toString());
        String first = out.toString();
        assertTrue(first.contains("generating 15,000 records"), first);
        assertTrue(first.contains("| parse | 2 | 15,000 |"), first);
        assertTrue(first.contains("| parse+resolve+orient | 2 | 15,000 |"), first);
        assertTrue(first.contains("| full pipeline | 2 | 15,000 |"), first);
        assertTrue(Files.isRegularFile(dir.resolve("flowlogs-v2.log")));

        out.getBuffer().setLength(0);
        assertEquals(0, run("--records", records, "--dir", dir.toString(), "--threads", "1", "--gzip",
                "--stages", "full"), err.toString());
        String second = out.toString();
        assertTrue(!second.contains("generating"), second);
        assertTrue(second.contains("gzip files"), second);
        assertTrue(second.contains("| full pipeline | 1 | 15,000 |"), second);
        assertTrue(!second.contains("| parse |"), second);
    }

    @Test
    void runOnItsOwnABadFlagValueIsOneLineNamingTheFlag() {
        // bench/run.sh runs BenchCommand.main: the same usage-error handling as flowpol's commands (issue 17)
        CommandLine cli = BenchCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        assertEquals(ExitCodes.USAGE, cli.execute("--records", "many"));
        String[] lines = err.toString().split("\n");
        assertTrue(lines[0].startsWith("flowpol: error: ") && lines[0].contains("--records"), err.toString());
        assertEquals("Try 'bench --help' for more information.", lines[lines.length - 1]);
        assertTrue(!err.toString().contains("Usage:"), err.toString());
    }

    @Test
    void threadsOtherThanOneOrTwoIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("--threads", "3", "--dir", dir.toString()));
        assertTrue(err.toString().contains("--threads must be 1 or 2"), err.toString());
    }

    @Test
    void fileWithoutARecordingBesideItIsAnInputFailure() throws Exception {
        Path log = Files.writeString(dir.resolve("x.log"), "version srcaddr\n");
        assertEquals(ExitCodes.FAILURE, run("--file", log.toString(), "--stages", "parse"));
    }
}
