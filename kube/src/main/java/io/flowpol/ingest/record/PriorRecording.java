package io.flowpol.ingest.record;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an existing recording says exists at its end, per kind. A recorder appending to it (a
 * restarted recorder pod) starts from this state, so its first list is written as differences:
 * an object deleted while no recorder ran gets its DELETED line instead of living on forever
 * in the recording, which would keep its IP resolving to it (DESIGN.md fact 6).
 */
final class PriorRecording {
    private PriorRecording() {
    }

    /**
     * Replays {@code file}'s events; lines that are not whole events (a line cut by a crash)
     * are skipped, since the re-list that follows restores their state anyway.
     */
    static Map<ResourceKind, List<JsonObject>> read(Path file) {
        Map<ResourceKind, Map<String, JsonObject>> state = new EnumMap<>(ResourceKind.class);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                apply(state, line);
            }
        } catch (IOException e) {
            throw new InputException(InputProblem.error(file.toString(), 0, "--append",
                    "a readable recording to continue", io.flowpol.inference.model.IoReason.of(e)), e);
        }
        Map<ResourceKind, List<JsonObject>> objects = new EnumMap<>(ResourceKind.class);
        state.forEach((kind, byKey) -> objects.put(kind, new ArrayList<>(byKey.values())));
        return objects;
    }

    private static void apply(Map<ResourceKind, Map<String, JsonObject>> state, String line) {
        JsonObject event;
        try {
            JsonElement parsed = JsonParser.parseString(line);
            if (!parsed.isJsonObject()) {
                return;
            }
            event = parsed.getAsJsonObject();
        } catch (RuntimeException notAnEvent) {
            return;
        }
        JsonElement type = event.get("type");
        JsonElement object = event.get("object");
        if (type == null || object == null || !object.isJsonObject()) {
            return;
        }
        ResourceKind kind = kindOf(object.getAsJsonObject());
        if (kind == null) {
            return;
        }
        Map<String, JsonObject> byKey = state.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        String key = ObjectFields.key(object.getAsJsonObject());
        if (type.getAsString().equals("DELETED")) {
            byKey.remove(key);
        } else {
            byKey.put(key, object.getAsJsonObject());
        }
    }

    private static ResourceKind kindOf(JsonObject object) {
        JsonElement kind = object.get("kind");
        if (kind == null) {
            return null;
        }
        for (ResourceKind candidate : ResourceKind.values()) {
            if (candidate.kind().equals(kind.getAsString())) {
                return candidate;
            }
        }
        return null;
    }
}
