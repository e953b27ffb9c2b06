package io.flowpol.templates.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.flowpol.inference.model.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputRendererTest {
    @TempDir
    Path tmp;

    private Path render() {
        Path out = tmp.resolve("out");
        new OutputRenderer(null).render(out, SampleModel.model());
        return out;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void everyPolicyDocumentValidatesAgainstTheStrictSchemas() throws IOException {
        Path out = render();
        SchemaChecks checks = new SchemaChecks();
        List<String> problems = new ArrayList<>();
        List<Path> policies = Stream.concat(files(out.resolve("networkpolicies"), ".yaml").stream(),
                files(out.resolve("globalnetworkpolicies"), ".yaml").stream()).toList();

        for (Path file : policies) {
            problems.addAll(checks.check(out.relativize(file).toString(), new YAMLMapper().readTree(file.toFile())));
        }

        assertEquals(List.of(), problems);
        assertEquals(6 + 4, policies.size(), "4 workload policies, 2 default denies, 4 Calico guards: " + policies);
    }

    @Test
    void kustomizationListsEveryPolicyFileSorted() throws IOException {
        Path out = render();

        JsonNode kustomization = new YAMLMapper().readTree(out.resolve("kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        List<String> written = Stream.concat(files(out.resolve("networkpolicies"), ".yaml").stream(),
                files(out.resolve("globalnetworkpolicies"), ".yaml").stream())
                .map(p -> out.relativize(p).toString().replace('\\', '/')).sorted().toList();
        assertEquals(written, listed);
    }

    @Test
    void rulesCarryTheirEvidenceAsComments() throws IOException {
        String backend = Files.readString(render().resolve("networkpolicies/shop/backend.yaml"));

        assertTrue(backend.contains("    # 42 connections, first 2026-11-30T10:00:00Z, last 2026-11-30T11:59:00Z\n    - from:"),
                backend);
    }

    @Test
    void edgesJsonListsEdgesLeftOutAttemptsAndSnatEgress() throws IOException {
        JsonNode edges = new ObjectMapper().readTree(render().resolve("edges.json").toFile());

        assertEquals(8, edges.path("edges").size());
        assertEquals(1, edges.path("leftOut").size());
        assertEquals("198.51.100.9", edges.path("leftOut").get(0).path("server").path("ip").asText());
        assertEquals(1, edges.path("attempts").size());
        assertEquals("workload", edges.path("attempts").get(0).path("client").path("kind").asText());
        assertEquals(2, edges.path("snatEgress").get(0).path("candidates").size());
    }

    @Test
    void reportEscapesPipesInTableCells() throws IOException {
        String report = Files.readString(render().resolve("report.md"));

        assertTrue(report.contains("format lacks pkt-srcaddr \\| pkt-dstaddr"), report);
        for (String line : report.split("\n")) {
            if (line.startsWith("| missing-pkt-fields") || line.startsWith("| WARNING")) {
                assertEquals(5, line.replace("\\|", "").chars().filter(c -> c == '|').count(), line);
            }
        }
    }

    @Test
    void failingTemplateLeavesNoOutputAndNoTemporaryDirectory() throws IOException {
        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(templates.resolve("report.md.ftl"), "${report.noSuchField}\n", StandardCharsets.UTF_8);
        Path parent = Files.createDirectories(tmp.resolve("parent"));

        InputException e = assertThrows(InputException.class,
                () -> new OutputRenderer(templates).render(parent.resolve("out"), SampleModel.model()));

        assertTrue(e.getMessage().startsWith("report.md.ftl:1: "), e.getMessage());
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void failingTemplateKeepsThePreviousOutput() throws IOException {
        Path out = render();
        String before = Files.readString(out.resolve("report.md"));
        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(templates.resolve("kustomization.yaml.ftl"), "<#if>broken", StandardCharsets.UTF_8);

        assertThrows(InputException.class, () -> new OutputRenderer(templates).render(out, SampleModel.model()));

        assertEquals(before, Files.readString(out.resolve("report.md")));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("out", "templates"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void prepareReportsATemplateSyntaxErrorWithItsFileAndLineBeforeAnythingIsRendered() throws IOException {
        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(templates.resolve("report.md.ftl"), "# ok\n<#if>broken\n", StandardCharsets.UTF_8);

        InputException e = assertThrows(InputException.class, () -> new OutputRenderer(templates).prepare());

        assertTrue(e.getMessage().startsWith("report.md.ftl:2: "), e.getMessage());
        assertTrue(e.getMessage().contains("a valid FreeMarker template"), e.getMessage());
    }

    @Test
    void aPreparedRendererWritesTheSameOutput() throws IOException {
        Path plain = render();
        OutputRenderer prepared = new OutputRenderer(null);
        prepared.prepare();
        Path out = tmp.resolve("prepared");
        prepared.render(out, SampleModel.model());
        for (String file : List.of("report.md", "kustomization.yaml", "edges.json")) {
            assertEquals(Files.readString(plain.resolve(file)), Files.readString(out.resolve(file)), file);
        }
    }

    @Test
    void overrideTemplateWinsOverTheClasspathTemplate() throws IOException {
        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(templates.resolve("kustomization.yaml.ftl"),
                "# custom\n<#list kustomization.resources as r>${r}\n</#list>", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");

        new OutputRenderer(templates).render(out, SampleModel.model());

        assertTrue(Files.readString(out.resolve("kustomization.yaml")).startsWith("# custom\nglobalnetworkpolicies/"));
        assertTrue(Files.readString(out.resolve("report.md")).startsWith("# flowpol report"), "others from the classpath");
    }

    @Test
    void previousOutputIsReplacedButAForeignDirectoryIsRefused() throws IOException {
        Path out = render();
        Files.delete(out.resolve("networkpolicies/shop/worker.yaml")); // a file flowpol wrote, since deleted

        new OutputRenderer(null).render(out, SampleModel.model());

        assertTrue(Files.exists(out.resolve("networkpolicies/shop/worker.yaml")));
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThrows(InputException.class, () -> new OutputRenderer(null).render(out, SampleModel.model()));
        assertTrue(Files.exists(out.resolve("notes.txt")));
    }
}
