package io.flowpol.ingest.record;

import static io.flowpol.ingest.record.RecordingHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownObjectsTest {

    private static JsonObject pod(String name, String uid, String version) {
        return json("{\"metadata\":{\"namespace\":\"shop\",\"name\":\"" + name + "\",\"uid\":\"" + uid
                + "\",\"resourceVersion\":\"" + version + "\"}}");
    }

    private static List<String> describe(List<KnownObjects.Change> changes) {
        return changes.stream().map(c -> c.type() + " " + ObjectFields.metadata(c.object(), "name")
                + "@" + ObjectFields.resourceVersion(c.object())).toList();
    }

    @Test
    void firstListIsAllAdded() {
        KnownObjects known = new KnownObjects();
        assertEquals(List.of("ADDED a@1", "ADDED b@2"), describe(known.relist(List.of(pod("a", "u1", "1"), pod("b", "u2", "2")))));
        assertEquals(2, known.size());
    }

    @Test
    void relistWritesDeletionsFirstThenAdditionsAndChangedVersions() {
        KnownObjects known = new KnownObjects();
        known.relist(List.of(pod("a", "u1", "1"), pod("b", "u2", "2"), pod("c", "u3", "3")));
        List<KnownObjects.Change> changes = known.relist(List.of(pod("d", "u4", "9"), pod("b", "u2", "7"), pod("c", "u3", "3")));
        assertEquals(List.of("DELETED a@1", "ADDED d@9", "MODIFIED b@7"), describe(changes));
        assertEquals(3, known.size());
    }

    @Test
    void podRecreatedUnderTheSameNameIsADeletionAndAnAddition() {
        KnownObjects known = new KnownObjects();
        known.relist(List.of(pod("web-0", "old", "1")));
        assertEquals(List.of("DELETED web-0@1", "ADDED web-0@5"), describe(known.relist(List.of(pod("web-0", "new", "5")))));
    }

    @Test
    void watchEventsUpdateWhatARelistComparesAgainst() {
        KnownObjects known = new KnownObjects();
        known.relist(List.of(pod("a", "u1", "1")));
        known.apply("MODIFIED", pod("a", "u1", "4"));
        known.apply("ADDED", pod("b", "u2", "5"));
        known.apply("DELETED", pod("b", "u2", "6"));
        assertEquals(List.of(), describe(known.relist(List.of(pod("a", "u1", "4")))));
        assertEquals(1, known.size());
    }
}
