package io.flowpol.ingest.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.model.LabelRequirement;
import io.flowpol.inference.model.LabelSelector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the fields of a manifest, failing with an {@link InputException} that names
 * the document and the field path. A null value counts as absent, as the API server treats it.
 */
public final class YamlFields {
    private YamlFields() {
    }

    public static InputException wrong(SourceDocument doc, String path, String expected, JsonNode found) {
        return new InputException(InputProblem.error(doc.file(), 0, doc.field(path), expected, describe(found)));
    }

    public static InputException wrong(SourceDocument doc, String path, String expected, String found) {
        return new InputException(InputProblem.error(doc.file(), 0, doc.field(path), expected, found));
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.isContainerNode() ? node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) : node.toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    public static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    public static String text(SourceDocument doc, JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrong(doc, path, "a string", node);
        }
        return node.asText();
    }

    public static int integer(SourceDocument doc, JsonNode node, String path, int absentValue) {
        if (absent(node)) {
            return absentValue;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrong(doc, path, "an integer", node);
        }
        return node.asInt();
    }

    /** The elements of an array field; empty when absent. */
    public static List<JsonNode> array(SourceDocument doc, JsonNode node, String path) {
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw wrong(doc, path, "a list", node);
        }
        List<JsonNode> out = new ArrayList<>(node.size());
        node.forEach(out::add);
        return out;
    }

    public static JsonNode object(SourceDocument doc, JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw wrong(doc, path, "a mapping", node);
        }
        return node;
    }

    /** A string-to-string map such as labels; empty when absent. */
    public static Map<String, String> stringMap(SourceDocument doc, JsonNode node, String path) {
        JsonNode map = object(doc, node, path);
        if (map == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String value = text(doc, e.getValue(), path + "." + e.getKey());
            out.put(e.getKey(), value == null ? "" : value);
        }
        return out;
    }

    /** A metav1.LabelSelector; null when absent (which differs from {@code {}}). */
    public static LabelSelector selector(SourceDocument doc, JsonNode node, String path) {
        JsonNode map = object(doc, node, path);
        if (map == null) {
            return null;
        }
        Map<String, String> labels = stringMap(doc, map.get("matchLabels"), path + ".matchLabels");
        for (Map.Entry<String, String> label : labels.entrySet()) {
            checkKey(doc, label.getKey(), path + ".matchLabels");
            checkValue(doc, label.getValue(), path + ".matchLabels." + label.getKey());
        }
        List<LabelRequirement> requirements = new ArrayList<>();
        List<JsonNode> expressions = array(doc, map.get("matchExpressions"), path + ".matchExpressions");
        for (int i = 0; i < expressions.size(); i++) {
            requirements.add(requirement(doc, expressions.get(i), path + ".matchExpressions[" + i + "]"));
        }
        return new LabelSelector(labels, requirements);
    }

    private static LabelRequirement requirement(SourceDocument doc, JsonNode node, String path) {
        JsonNode map = object(doc, node, path);
        String key = text(doc, map == null ? null : map.get("key"), path + ".key");
        String operator = text(doc, map == null ? null : map.get("operator"), path + ".operator");
        if (key == null) {
            throw wrong(doc, path + ".key", "a label key", "nothing");
        }
        checkKey(doc, key, path + ".key");
        LabelRequirement.Operator op = switch (operator == null ? "" : operator) {
            case "In" -> LabelRequirement.Operator.IN;
            case "NotIn" -> LabelRequirement.Operator.NOT_IN;
            case "Exists" -> LabelRequirement.Operator.EXISTS;
            case "DoesNotExist" -> LabelRequirement.Operator.DOES_NOT_EXIST;
            default -> throw wrong(doc, path + ".operator", "In, NotIn, Exists or DoesNotExist", String.valueOf(operator));
        };
        List<String> values = new ArrayList<>();
        List<JsonNode> nodes = array(doc, map.get("values"), path + ".values");
        for (int i = 0; i < nodes.size(); i++) {
            values.add(text(doc, nodes.get(i), path + ".values[" + i + "]"));
        }
        boolean setBased = op == LabelRequirement.Operator.IN || op == LabelRequirement.Operator.NOT_IN;
        if (setBased == values.isEmpty()) {
            throw wrong(doc, path + ".values", setBased ? "at least one value for " + operator : "no values for " + operator,
                    values.toString());
        }
        for (int i = 0; i < values.size(); i++) {
            checkValue(doc, values.get(i), path + ".values[" + i + "]");
        }
        return new LabelRequirement(key, op, values);
    }

    private static void checkKey(SourceDocument doc, String key, String path) {
        if (!LabelSyntax.validKey(key)) {
            throw wrong(doc, path, "a label key ([prefix/]name, name at most 63 alphanumerics, '-', '_' or '.')", key);
        }
    }

    private static void checkValue(SourceDocument doc, String value, String path) {
        if (value == null || !LabelSyntax.validValue(value)) {
            throw wrong(doc, path, "a label value (empty, or at most 63 alphanumerics, '-', '_' or '.')", value);
        }
    }
}
