package io.flowpol.ingest.record;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the recorder believes exists in one watch scope, as last written to the recording. A
 * re-list after 410 Gone is turned into the events that bring a reader of the recording to the
 * listed state, so no change is lost even when the watch history is.
 *
 * <p>Owned by one watcher thread; {@link #size()} may be read from any thread.
 */
final class KnownObjects {

    /** One event to write: {@code type} is ADDED, MODIFIED or DELETED. */
    record Change(String type, JsonObject object) {
        Change {
            Objects.requireNonNull(type, "type == null");
            Objects.requireNonNull(object, "object == null");
        }
    }

    private final Map<String, JsonObject> byKey = new LinkedHashMap<>();
    private volatile int size;

    /** Records a watch event already written. */
    void apply(String type, JsonObject object) {
        if (type.equals("DELETED")) {
            byKey.remove(ObjectFields.key(object));
        } else {
            byKey.put(ObjectFields.key(object), object);
        }
        size = byKey.size();
    }

    /**
     * Replaces the state with a fresh list and returns the differences: DELETED (with the last
     * object written) for what is gone, then ADDED for what is new and MODIFIED for what changed
     * resourceVersion. Deletions come first so that an IP freed in the gap is free before a new
     * pod takes it (DESIGN.md fact 6).
     */
    List<Change> relist(List<JsonObject> listed) {
        Map<String, JsonObject> fresh = new LinkedHashMap<>();
        for (JsonObject object : listed) {
            fresh.put(ObjectFields.key(object), object);
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, JsonObject> old : byKey.entrySet()) {
            if (!fresh.containsKey(old.getKey())) {
                changes.add(new Change("DELETED", old.getValue()));
            }
        }
        Map<String, JsonObject> before = new HashMap<>(byKey);
        for (Map.Entry<String, JsonObject> now : fresh.entrySet()) {
            JsonObject old = before.get(now.getKey());
            if (old == null) {
                changes.add(new Change("ADDED", now.getValue()));
            } else if (!Objects.equals(ObjectFields.resourceVersion(old), ObjectFields.resourceVersion(now.getValue()))) {
                changes.add(new Change("MODIFIED", now.getValue()));
            }
        }
        byKey.clear();
        byKey.putAll(fresh);
        size = byKey.size();
        return changes;
    }

    int size() {
        return size;
    }
}
