package io.flowpol.ingest.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one document's tree from a parser's tokens, as Jackson's {@code readTree} does, but
 * noting the line of every mapping key and every key given twice in one mapping: Jackson keeps
 * the last value silently, while kubectl rejects such a document, so the user is told
 * ({@link KnownFields} reports them). Only one document's tree is held at a time.
 */
final class DocumentTree {
    /**
     * Deeper nesting is refused: policies nest about ten levels, and the tree is built
     * recursively (a stack overflow is no message for a user).
     */
    static final int MAX_DEPTH = 100;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Strings up to this length are shared, up to this many per file (names and free text are mostly unique). */
    private static final int SHARED_LENGTH = 64;
    private static final int SHARED_COUNT = 1 << 16;

    private final JsonParser parser;
    private final String file;
    private final Map<JsonNode, long[]> lines = new IdentityHashMap<>();
    private final List<KeyPositions.DuplicateKey> duplicates = new ArrayList<>();
    /** The field names and indexes from the root to the value being read, for duplicate keys' paths. */
    private final List<Object> path = new ArrayList<>();

    /**
     * One copy of each short key and value per file: label keys and values, protocols and
     * selectors repeat across thousands of policies, and the policy values keep them.
     */
    private final Map<String, String> strings;

    private DocumentTree(JsonParser parser, String file, Map<String, String> strings) {
        this.parser = parser;
        this.file = file;
        this.strings = strings;
    }

    /** A document read from the parser, positioned on its first token; the parser ends on its last. */
    record Read(JsonNode node, KeyPositions keys) {
    }

    /** @param strings shared by the documents of one file ({@link #shared}) */
    static Read read(JsonParser parser, String file, Map<String, String> strings) throws IOException {
        DocumentTree tree = new DocumentTree(parser, file, strings);
        JsonNode node = tree.value(0);
        return new Read(node, new KeyPositions(tree.lines, tree.duplicates));
    }

    private JsonNode value(int depth) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new InputException(InputProblem.error(file, parser.currentLocation().getLineNr(), null,
                    "a complete document", "the end of the input"));
        }
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
            throw new InputException(InputProblem.error(file, parser.currentTokenLocation().getLineNr(), null,
                    "at most " + MAX_DEPTH + " levels of nesting", "more"));
        }
        return switch (token) {
            case START_OBJECT -> object(depth);
            case START_ARRAY -> array(depth);
            case VALUE_STRING -> NODES.textNode(shared(parser.getText()));
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            // YAML !!binary and the like: kept as text (or null), no policy field takes them
            default -> parser.getText() == null ? NODES.nullNode() : NODES.textNode(parser.getText());
        };
    }

    private ObjectNode object(int depth) throws IOException {
        ObjectNode object = NODES.objectNode();
        long[] keyLines = new long[4];
        int keys = 0;
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String name = shared(parser.currentName());
            long line = parser.currentTokenLocation().getLineNr();
            parser.nextToken();
            path.add(name);
            JsonNode value = value(depth + 1);
            path.remove(path.size() - 1);
            JsonNode previous = object.replace(name, value);
            if (previous != null) {
                duplicates.add(new KeyPositions.DuplicateKey(pathOf(name), line, firstLine(object, name, keyLines)));
                continue;
            }
            if (keys == keyLines.length) {
                keyLines = Arrays.copyOf(keyLines, keys * 2);
            }
            keyLines[keys++] = line;
        }
        lines.put(object, keys == keyLines.length ? keyLines : Arrays.copyOf(keyLines, keys));
        return object;
    }

    private ArrayNode array(int depth) throws IOException {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            path.add(index++);
            array.add(value(depth + 1));
            path.remove(path.size() - 1);
        }
        return array;
    }

    private String shared(String text) {
        if (text.length() > SHARED_LENGTH || strings.size() >= SHARED_COUNT) {
            return text;
        }
        String known = strings.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    private static long firstLine(ObjectNode object, String name, long[] keyLines) {
        int i = 0;
        for (var names = object.fieldNames(); names.hasNext(); i++) {
            if (names.next().equals(name)) {
                return keyLines[i];
            }
        }
        return 0;
    }

    /** {@code spec.ingress[0].from} for the current path plus {@code name}. */
    private String pathOf(String name) {
        StringBuilder out = new StringBuilder();
        for (Object part : path) {
            if (part instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(part);
            }
        }
        return out.append(out.isEmpty() ? "" : ".").append(name).toString();
    }
}
