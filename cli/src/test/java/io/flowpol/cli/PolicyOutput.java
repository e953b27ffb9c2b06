package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.flowpol.templates.render.SchemaChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a generate output directory back: every file's bytes, and every policy document checked against the shared schemas. */
final class PolicyOutput {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PolicyOutput() {
    }

    static Map<String, String> files(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Validates every YAML document under networkpolicies/ and globalnetworkpolicies/; returns how many. */
    static int assertSchemaValid(Path dir) throws IOException {
        SchemaChecks checks = new SchemaChecks();
        List<String> problems = new ArrayList<>();
        int documents = 0;
        for (Map.Entry<String, String> file : files(dir).entrySet()) {
            // Service patches (issue 11) have no schema in ../shared/schemas: LoadBalancerSourceRangesTest checks them.
            if (!file.getKey().endsWith(".yaml") || file.getKey().endsWith("kustomization.yaml")
                    || file.getKey().startsWith("service-patches/")) {
                continue;
            }
            try (YAMLParser parser = new YAMLFactory().createParser(file.getValue())) {
                for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                    documents++;
                    problems.addAll(checks.check(file.getKey(), doc));
                }
            }
        }
        assertEquals(List.of(), problems);
        return documents;
    }
}
