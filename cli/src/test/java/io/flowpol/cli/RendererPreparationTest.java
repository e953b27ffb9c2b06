package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RendererPreparationTest {
    @TempDir
    Path tmp;

    @Test
    void theBuiltInTemplatesArePreparedAndTheSameRendererIsReturnedEachTime() {
        RendererPreparation preparation = RendererPreparation.start(null);
        assertEquals(preparation.renderer(), preparation.renderer());
    }

    @Test
    void aBrokenOverrideTemplateFailsWhereTheRendererIsNeededNamingFileAndLine() throws IOException {
        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(templates.resolve("networkpolicy.yaml.ftl"), "a\nb\n<#list>\n", StandardCharsets.UTF_8);

        RendererPreparation preparation = RendererPreparation.start(templates);
        InputException e = assertThrows(InputException.class, preparation::renderer);

        assertTrue(e.getMessage().startsWith("networkpolicy.yaml.ftl:3: "), e.getMessage());
    }

    @Test
    void generateWithABrokenTemplateExitsOneAndWritesNothing() throws IOException {
        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(templates.resolve("report.md.ftl"), "<#if>\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");

        CliRun run = CliRun.of("generate", "--flow-logs", CliRun.DEMO.resolve("flowlogs/v5").toString(),
                "--cluster", CliRun.DEMO.resolve("recording.jsonl").toString(), "--templates", templates.toString(),
                "--out", out.toString());

        assertEquals(ExitCodes.FAILURE, run.exit(), run.toString());
        assertTrue(run.err().contains("report.md.ftl:1: "), run.toString());
        assertFalse(Files.exists(out));
    }
}
