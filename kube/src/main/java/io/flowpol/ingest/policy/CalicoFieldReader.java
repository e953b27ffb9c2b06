package io.flowpol.ingest.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.evaluate.calico.CalicoSelector;
import io.flowpol.inference.evaluate.calico.CalicoSelectorException;
import io.flowpol.inference.evaluate.calico.SelectorPlacement;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Typed access to the fields of one Calico policy document, with errors that name the file,
 * the document and the JSON path of the field ({@code document 2: spec.ingress[0].action}).
 */
final class CalicoFieldReader {
    private final String file;
    private final int documentIndex;

    CalicoFieldReader(String file, int documentIndex) {
        this.file = file;
        this.documentIndex = documentIndex;
    }

    InputException error(String path, String expected, String found) {
        return new InputException(InputProblem.error(file, 0, "document " + documentIndex + ": " + path, expected, found));
    }

    /** The node's value for an error message. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "\"" + node.asText() + "\"";
        }
        if (node.isContainerNode()) {
            return node.isArray() ? "a list" : "a mapping";
        }
        return node.toString();
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** A string field, or null when absent. */
    String text(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw error(path, "a string", describe(node));
        }
        return node.asText();
    }

    /** A mapping field, or null when absent. */
    JsonNode object(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw error(path, "a mapping", describe(node));
        }
        return node;
    }

    /** Each element of a list field converted by {@code item(element, elementPath)}; empty when absent. */
    <T> List<T> list(JsonNode parent, String name, String path, BiFunction<JsonNode, String, T> item) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error(path, "a list", describe(node));
        }
        List<T> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(item.apply(node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /** A selector field checked with Calico's grammar and {@code global()} placement rule; null when absent. */
    String selector(JsonNode parent, String name, String path, SelectorPlacement placement) {
        return checkSelector(text(parent, name, path), path, placement);
    }

    String checkSelector(String text, String path, SelectorPlacement placement) {
        if (text == null) {
            return null;
        }
        CalicoSelector selector;
        try {
            selector = CalicoSelector.parse(text);
        } catch (CalicoSelectorException e) {
            throw error(path, "a Calico selector: " + e.expected() + " at position " + e.position(),
                    e.found() + " in \"" + text + "\"");
        }
        String problem = placement.problem(selector);
        if (problem != null) {
            throw error(path, problem, "\"" + text + "\"");
        }
        return text;
    }
}
