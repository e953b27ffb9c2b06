package io.flowpol.ingest.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code known-fields.txt} is what the strict JSON Schemas in {@code ../shared/schemas} allow;
 * {@code -Dgolden.update=true} rewrites it from them (then review its git diff).
 */
class KnownFieldsTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("flowpol.shared.dir", "../shared"), "schemas");
    private static final Path RESOURCE = Path.of("src/main/resources/io/flowpol/ingest/policy/known-fields.txt");
    private static final Map<String, String> CALICO_FILES = Map.of(
            "GlobalNetworkPolicy", "globalnetworkpolicy", "NetworkPolicy", "networkpolicy",
            "StagedGlobalNetworkPolicy", "stagedglobalnetworkpolicy", "StagedNetworkPolicy", "stagednetworkpolicy");

    @Test
    void theFieldListIsWhatTheStrictSchemasAllow() throws IOException {
        String expected = derive();
        if (Boolean.getBoolean("golden.update") && !expected.equals(Files.readString(RESOURCE))) {
            Files.writeString(RESOURCE, expected);
            // an update run that changed the file fails, so it cannot pass silently (issue 17)
            org.junit.jupiter.api.Assertions.fail("rewrote " + RESOURCE + ": review its git diff, then run again without -Dgolden.update");
        }
        assertEquals(expected, Files.readString(RESOURCE), "rerun with -Dgolden.update=true and review the diff");
    }

    @Test
    void aSwapOfTwoLettersIsOneEdit() {
        assertEquals(1, KnownFields.distance("form", "from"));
        assertEquals(2, KnownFields.distance("namspace", "namespaces"));
        assertEquals(4, KnownFields.distance("ports", "from"));
    }

    private static String derive() throws IOException {
        StringBuilder out = new StringBuilder("""
                # The fields of the policy kinds flowpol reads, one path per line: [] a list's items, .* any key
                # of a map. Derived from the strict JSON Schemas in ../shared/schemas (Kubernetes release-1.36,
                # Calico v3.32.1) by KnownFieldsTest: rerun it with -Dgolden.update=true, never edit by hand.
                # The Calico schemas leave metadata open: it is Kubernetes' ObjectMeta, as for NetworkPolicy.
                # status is written by API servers (NetworkPolicy had one before 1.28) and ignored, never a typo.
                """);
        Set<String> kubernetes = paths(SCHEMAS.resolve("kubernetes/networkpolicy-networking-v1-strict.json"));
        kubernetes.add("status");
        section(out, "networking.k8s.io/v1 NetworkPolicy", kubernetes);
        Set<String> metadata = new TreeSet<>(kubernetes.stream().filter(p -> p.startsWith("metadata")).toList());
        for (String kind : new TreeSet<>(CALICO_FILES.keySet())) {
            Set<String> v3 = paths(SCHEMAS.resolve("calico/jsonschema/projectcalico.org_v3/" + CALICO_FILES.get(kind) + "-strict.json"));
            Set<String> v1 = paths(SCHEMAS.resolve("calico/jsonschema/crd.projectcalico.org_v1/" + CALICO_FILES.get(kind) + "-strict.json"));
            assertEquals(v3, v1, kind + ": the two Calico API groups differ; give each its own section");
            v3.removeIf(p -> p.startsWith("metadata"));
            v3.addAll(metadata);
            v3.add("status");
            section(out, "projectcalico.org/v3 crd.projectcalico.org/v1 " + kind, v3);
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String header, Set<String> paths) {
        out.append('[').append(header).append("]\n");
        paths.forEach(p -> out.append(p).append('\n'));
    }

    private static Set<String> paths(Path schemaFile) throws IOException {
        JsonNode root = new ObjectMapper().readTree(schemaFile.toFile());
        Set<String> out = new TreeSet<>();
        walk(root, root, "", out, 0);
        return out;
    }

    /** Every property path of a draft-07 schema with internal refs, through anyOf/oneOf/allOf, items and maps. */
    private static void walk(JsonNode schema, JsonNode root, String path, Set<String> out, int depth) {
        if (depth > 40) {
            throw new AssertionError("schema nests too deep at " + path);
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = root.at(ref.substring(1));
        }
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            for (JsonNode alternative : schema.path(combinator)) {
                walk(alternative, root, path, out, depth + 1);
            }
        }
        schema.path("properties").properties().forEach(property -> {
            String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            out.add(child);
            walk(property.getValue(), root, child, out, depth + 1);
        });
        if (schema.path("additionalProperties").isObject()) {
            out.add(path + ".*");
            walk(schema.get("additionalProperties"), root, path + ".*", out, depth + 1);
        }
        if (schema.has("items")) {
            walk(schema.get("items"), root, path + "[]", out, depth + 1);
        }
    }
}
