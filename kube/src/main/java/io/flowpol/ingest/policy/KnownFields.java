package io.flowpol.ingest.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InputProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of the policy kinds flowpol reads, and the check that a document uses no others.
 * An unknown field is ignored by the parsers, so a typo changes the policy without a word:
 * {@code form:} for {@code from:} leaves an ingress rule without peers, which allows every
 * source (GitHub issue 12, item 12). The field sets are {@code known-fields.txt}, derived from
 * the strict JSON Schemas in {@code ../shared/schemas} (Kubernetes release-1.36, Calico v3.32.1)
 * and kept equal to them by {@code KnownFieldsTest}.
 */
final class KnownFields {
    private static final String RESOURCE = "known-fields.txt";
    private static final Map<String, KnownFields> BY_KIND = load();
    /** More known names than this are not listed in a warning. */
    private static final int LISTED = 8;

    /** Every field path, {@code []} for list items, {@code .*} for the values of a map such as labels. */
    private final Set<String> paths;
    /** Per mapping path whose keys are known: their names, sorted. */
    private final Map<String, List<String>> keysOf = new HashMap<>();

    private KnownFields(Set<String> paths) {
        this.paths = paths;
        keysOf.put("", new ArrayList<>());
        for (String path : paths) {
            int dot = path.lastIndexOf('.');
            String parent = dot < 0 ? "" : path.substring(0, dot);
            String name = path.substring(dot + 1);
            if (!name.equals("*")) {
                keysOf.computeIfAbsent(parent, k -> new ArrayList<>()).add(name);
            }
        }
        keysOf.values().forEach(names -> names.sort(null));
    }

    /**
     * Warnings for a policy document read from a file: each unknown field, and each key given
     * twice in one mapping; empty for other kinds.
     */
    static List<InputProblem> check(SourceDocument doc) {
        // A StagedKubernetesNetworkPolicy's spec is a NetworkPolicy's (shared/schemas has no schema of its own).
        KnownFields known = PolicyReader.STAGED_KUBERNETES.equals(doc.kind())
                && PolicyReader.CALICO_APIS.contains(doc.apiVersion())
                ? BY_KIND.get(PolicyReader.KUBERNETES_API + " NetworkPolicy")
                : BY_KIND.get(doc.apiVersion() + " " + doc.kind());
        if (known == null) {
            return List.of();
        }
        List<InputProblem> problems = new ArrayList<>();
        for (KeyPositions.DuplicateKey duplicate : doc.keys().duplicates()) {
            if (duplicate.path().startsWith(doc.pathPrefix())) {
                problems.add(warning(doc, duplicate.line(), duplicate.path().substring(doc.pathPrefix().length()),
                        "each key once in a mapping", "it again (first on line " + duplicate.firstLine()
                                + "): flowpol uses the last value, kubectl refuses the document"));
            }
        }
        known.walk(doc, doc.node(), "", "", problems);
        return problems;
    }

    private void walk(SourceDocument doc, JsonNode node, String schemaPath, String path, List<InputProblem> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(doc, node.get(i), schemaPath + "[]", path + "[" + i + "]", problems);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        boolean map = paths.contains(schemaPath + ".*");
        List<String> keys = keysOf.get(schemaPath);
        if (!map && keys == null) {
            return; // a mapping whose keys are free (managedFields' fieldsV1, status)
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String childPath = path.isEmpty() ? name : path + "." + name;
            String childSchema = map ? schemaPath + ".*" : schemaPath.isEmpty() ? name : schemaPath + "." + name;
            if (!map && !paths.contains(childSchema)) {
                problems.add(warning(doc, doc.keys().line(node, name), childPath, expected(keys, doc.kind()),
                        "\"" + name + "\"" + suggestion(name, keys) + ", an unknown field, which flowpol ignores"));
                continue;
            }
            walk(doc, field.getValue(), childSchema, childPath, problems);
        }
    }

    private static String expected(List<String> keys, String kind) {
        if (keys.size() > LISTED) {
            return "a " + kind + " field";
        }
        return (keys.size() == 1 ? "" : "one of ") + String.join(", ", keys);
    }

    /** {@code  (did you mean "from"?)} for a name one or two edits away from a known one. */
    private static String suggestion(String name, List<String> keys) {
        for (String key : keys) {
            if (distance(name.toLowerCase(java.util.Locale.ROOT), key.toLowerCase(java.util.Locale.ROOT)) <= 2) {
                return " (did you mean \"" + key + "\"?)";
            }
        }
        return "";
    }

    /** Optimal string alignment distance: a swap of two letters ({@code form}/{@code from}) is one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static InputProblem warning(SourceDocument doc, long line, String path, String expected, String found) {
        return new InputProblem(doc.file(), line, doc.field(path), expected, found, Finding.Severity.WARNING);
    }

    /** {@code [apiVersion... kind]} headers, each followed by its field paths; {@code #} comments. */
    private static Map<String, KnownFields> load() {
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        Set<String> current = null;
        try (InputStream in = KnownFields.class.getResourceAsStream(RESOURCE);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    String[] words = line.substring(1, line.length() - 1).split(" ");
                    current = new HashSet<>();
                    for (int i = 0; i < words.length - 1; i++) {
                        sections.put(words[i] + " " + words[words.length - 1], current);
                    }
                    continue;
                }
                current.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, KnownFields> out = new HashMap<>();
        Map<Set<String>, KnownFields> shared = new java.util.IdentityHashMap<>();
        sections.forEach((kind, paths) -> out.put(kind, shared.computeIfAbsent(paths, KnownFields::new)));
        return Map.copyOf(out);
    }
}
