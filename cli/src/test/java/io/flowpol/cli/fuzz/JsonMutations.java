package io.flowpol.cli.fuzz;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Structural edits of recording events (DESIGN.md "Contracts": one watch event per line): a
 * field removed or given a wrong type, labels that are not a string map, owner references that
 * loop, a relabelled object. A line that no longer parses as JSON (an earlier edit broke it) is
 * left as it is.
 */
final class JsonMutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Replaced by the raw JSON after writing, so values Jackson would refuse to write get in. */
    private static final String PLACEHOLDER = "@@fuzz-value@@";

    /** Where recording readers look: identity, ownership, selection, addresses, time. */
    static final List<String> TARGETS = List.of(
            "/time", "/type", "/object", "/object/kind", "/object/apiVersion", "/object/metadata",
            "/object/metadata/name", "/object/metadata/namespace", "/object/metadata/uid",
            "/object/metadata/labels", "/object/metadata/labels/app",
            "/object/metadata/labels/kubernetes.io~1metadata.name", "/object/metadata/ownerReferences",
            "/object/metadata/ownerReferences/0", "/object/metadata/ownerReferences/0/kind",
            "/object/metadata/ownerReferences/0/name", "/object/metadata/ownerReferences/0/uid",
            "/object/metadata/ownerReferences/0/controller", "/object/metadata/creationTimestamp",
            "/object/spec", "/object/spec/selector", "/object/spec/selector/matchLabels",
            "/object/spec/nodeName", "/object/spec/hostNetwork", "/object/spec/containers",
            "/object/spec/containers/0/ports", "/object/spec/containers/0/ports/0/containerPort",
            "/object/spec/containers/0/ports/0/protocol", "/object/spec/ports", "/object/spec/ports/0/port",
            "/object/spec/ports/0/targetPort", "/object/spec/providerID", "/object/spec/clusterIP",
            "/object/spec/template/metadata/labels", "/object/status", "/object/status/podIP",
            "/object/status/podIPs", "/object/status/podIPs/0/ip", "/object/status/hostIP",
            "/object/status/phase", "/object/status/addresses", "/object/status/addresses/0/address",
            "/object/status/addresses/0/type", "/object/endpoints", "/object/endpoints/0/addresses",
            "/object/addressType", "/object/ports/0/port");

    private JsonMutations() {
    }

    /** Parses the chosen line, lets {@code edit} change it, writes it back (raw values spliced in). */
    private static byte[] onEvent(byte[] in, int line, java.util.function.BiFunction<ObjectNode, Lines, String> edit) {
        Lines lines = Lines.of(in);
        int i = lines.index(line);
        if (i < 0) {
            return in;
        }
        ObjectNode event = parse(lines.lines().get(i));
        if (event == null) {
            return in;
        }
        String raw = edit.apply(event, lines);
        lines.lines().set(i, write(event, raw));
        return lines.bytes();
    }

    static ObjectNode parse(byte[] line) {
        try {
            return JSON.readTree(line) instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] write(JsonNode node, String raw) {
        try {
            String text = JSON.writeValueAsString(node);
            if (raw != null) {
                text = text.replace("\"" + PLACEHOLDER + "\"", raw);
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The node a {@code path} choice names: a target pointer, or any node of the event in document order. */
    private static JsonPointer pointer(ObjectNode event, int path) {
        if (path < TARGETS.size()) {
            return JsonPointer.compile(TARGETS.get(path));
        }
        List<JsonPointer> all = new ArrayList<>();
        collect(event, JsonPointer.empty(), all);
        return all.get(Math.floorMod(path, all.size()));
    }

    private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> into) {
        if (!at.matches()) {
            into.add(at);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                collect(e.getValue(), at.appendProperty(e.getKey()), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at.appendIndex(i), into);
            }
        }
    }

    /** Sets (or adds) the value at {@code p} when its parent exists; true when it did. */
    private static boolean set(ObjectNode event, JsonPointer p, JsonNode value) {
        JsonNode parent = event.at(p.head());
        String last = p.last().getMatchingProperty();
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
            return true;
        }
        if (parent instanceof ArrayNode a && p.last().getMatchingIndex() >= 0 && p.last().getMatchingIndex() < a.size()) {
            a.set(p.last().getMatchingIndex(), value);
            return true;
        }
        return false;
    }

    record Replace(int line, int path, JsonValue value) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return onEvent(in, line, (event, all) ->
                    set(event, pointer(event, path), JSON.getNodeFactory().textNode(PLACEHOLDER)) ? value.json() : null);
        }
    }

    record Remove(int line, int path) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return onEvent(in, line, (event, all) -> {
                JsonPointer p = pointer(event, path);
                JsonNode parent = event.at(p.head());
                if (parent instanceof ObjectNode o) {
                    o.remove(p.last().getMatchingProperty());
                } else if (parent instanceof ArrayNode a && p.last().getMatchingIndex() >= 0 && p.last().getMatchingIndex() < a.size()) {
                    a.remove(p.last().getMatchingIndex());
                }
                return null;
            });
        }
    }

    /** Every label of the object gets a new value: a relabelled pod, a namespace whose name label differs. */
    record Relabel(int line, JsonValue value) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return onEvent(in, line, (event, all) -> {
                if (event.at("/object/metadata/labels") instanceof ObjectNode labels && !labels.isEmpty()) {
                    List<String> keys = new ArrayList<>();
                    labels.fieldNames().forEachRemaining(keys::add);
                    keys.forEach(k -> labels.put(k, PLACEHOLDER));
                    return value.json();
                }
                return null;
            });
        }
    }

    /**
     * The object's first owner is made to own... the object: a two-object cycle (or, with
     * {@code self}, the object owns itself). The API server refuses neither (ownerReferences are
     * not validated for cycles), and a naive top-owner walk never ends.
     */
    record OwnerLoop(int line, boolean self) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            Lines lines = Lines.of(in);
            for (int k = 0; k < lines.lines().size(); k++) {
                int i = Math.floorMod(line + k, lines.lines().size());
                ObjectNode event = parse(lines.lines().get(i));
                if (event == null || !(event.at("/object/metadata/ownerReferences/0") instanceof ObjectNode owner)) {
                    continue;
                }
                ObjectNode object = (ObjectNode) event.get("object");
                ObjectNode back = JSON.createObjectNode()
                        .put("apiVersion", object.path("apiVersion").asText())
                        .put("kind", object.path("kind").asText())
                        .put("name", object.at("/metadata/name").asText())
                        .put("uid", object.at("/metadata/uid").asText())
                        .put("controller", true);
                if (self) {
                    ((ObjectNode) object.get("metadata")).putArray("ownerReferences").add(back);
                    lines.lines().set(i, write(event, null));
                    return lines.bytes();
                }
                String ownerUid = owner.path("uid").asText();
                for (int j = 0; j < lines.lines().size(); j++) {
                    ObjectNode other = parse(lines.lines().get(j));
                    if (other != null && ownerUid.equals(other.at("/object/metadata/uid").asText())
                            && other.at("/object/metadata") instanceof ObjectNode meta) {
                        meta.putArray("ownerReferences").add(back);
                        lines.lines().set(j, write(other, null));
                    }
                }
                return lines.bytes();
            }
            return in;
        }
    }

    /** The same key twice in one object (RFC 8259 leaves it to the reader). */
    record DuplicateKey(int line, boolean kind) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            Lines lines = Lines.of(in);
            int i = lines.index(line);
            if (i < 0 || parse(lines.lines().get(i)) == null) {
                return in;
            }
            String text = new String(lines.lines().get(i), StandardCharsets.UTF_8);
            String key = kind ? "\"kind\":\"Node\"," : "\"type\":\"DELETED\",";
            int object = text.indexOf("\"object\":{");
            if (kind && object < 0) {
                return in;
            }
            int at = kind ? object + "\"object\":{".length() : 1;
            lines.lines().set(i, (text.substring(0, at) + key + text.substring(at)).getBytes(StandardCharsets.UTF_8));
            return lines.bytes();
        }
    }

    /** Two in three paths are {@link #TARGETS}, the rest any node of the event. */
    static Gen<Integer> path() {
        return Gen.weighted(2, Gen.between(0, TARGETS.size() - 1), 1, Gen.between(TARGETS.size(), 100_000));
    }

    static Gen<Mutation> any() {
        Gen<Integer> line = Gen.between(0, 100_000);
        Gen<Integer> path = path();
        Gen<JsonValue> value = Gen.of(JsonValue.class);
        Gen<JsonValue> label = Gen.of(JsonValue.SHORT_STRING, JsonValue.EMPTY_STRING, JsonValue.NAME_300_CHARS,
                JsonValue.NOT_DNS_1123, JsonValue.ZERO, JsonValue.NULL);
        return Gen.oneOf(
                r -> new Replace(line.next(r), path.next(r), value.next(r)),
                r -> new Replace(line.next(r), path.next(r), value.next(r)),
                r -> new Remove(line.next(r), path.next(r)),
                r -> new Relabel(line.next(r), label.next(r)),
                r -> new OwnerLoop(line.next(r), r.nextBoolean()),
                r -> new DuplicateKey(line.next(r), r.nextBoolean()));
    }
}
