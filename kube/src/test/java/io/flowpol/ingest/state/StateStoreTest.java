package io.flowpol.ingest.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.history.LearnedState;
import io.flowpol.inference.history.LearnedWindow;
import io.flowpol.inference.model.CandidateSet;
import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.LabelRequirement;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.inference.timeline.NamespaceInfo;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    private static final WorkloadId WEB = new WorkloadId("shop", "Deployment", "web");
    private static final WorkloadId DB = new WorkloadId("shop", "StatefulSet", "db");

    @TempDir
    Path dir;

    static LearnedState sample() {
        Evidence evidence = new Evidence(3, 40, 5000, 1_000, 2_000, Set.of(DirectionProof.TCP_FLAGS, DirectionProof.DECLARED_PORT));
        List<Edge> edges = List.of(
                new Edge(Peer.workload(WEB), Peer.workload(DB), Protocol.TCP, 5432, "postgres", evidence),
                new Edge(Peer.workload(WEB), Peer.apiServer(IpAddress.parse("10.0.0.5")), Protocol.TCP, 443, null, evidence),
                new Edge(Peer.node("ip-10-0-1-1", IpAddress.parse("10.0.1.1")), Peer.workload(WEB), Protocol.TCP, 8080, null, evidence),
                new Edge(Peer.workload(WEB), Peer.external(IpAddress.parse("2001:db8::1")), Protocol.UDP, 53, null, evidence));
        LabelSelector selector = new LabelSelector(Map.of("app", "web"),
                List.of(new LabelRequirement("tier", LabelRequirement.Operator.IN, List.of("front", "edge"))));
        PodSpan pod = new PodSpan(null, "shop", "web~remembered", WEB, null, List.of(), false, Map.of("app", "web"),
                List.of(new ContainerPort("http", 8080, Protocol.TCP)), "web", "linux", 500, Long.MAX_VALUE);
        // Per-connection candidate sets are kept across runs (issue 14 item 2).
        SnatEgress snat = SnatEgress.ofSets("ip-10-0-1-1", IpAddress.parse("93.184.216.34"), Protocol.TCP, 443, evidence,
                List.of(new CandidateSet(List.of(WEB), 3)));
        return new LearnedState(LearnedState.CURRENT_VERSION, List.of(new LearnedWindow(0, 3_600_000)), edges,
                List.of(edges.get(0)), List.of(snat), List.of(new Workload(WEB, selector, Map.of("app", "web"))),
                List.of(pod), List.of(new NamespaceInfo("shop", Map.of("kubernetes.io/metadata.name", "shop"))));
    }

    @Test
    void savedStateReadsBackEqual() {
        StateStore store = new StateStore(dir.resolve("state"));
        store.save(sample());
        assertEquals(sample(), store.load());
    }

    @Test
    void aStateWithoutCandidateSetsLoadsWithTheUnionOnly() throws IOException {
        StateStore store = new StateStore(dir.resolve("state"));
        store.save(sample());
        Path file = dir.resolve("state").resolve(StateStore.FILE);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode root = json.readTree(file.toFile());
        root.path("snatEgress").forEach(s -> ((com.fasterxml.jackson.databind.node.ObjectNode) s).remove("sets"));
        Files.writeString(file, json.writeValueAsString(root));
        SnatEgress snat = store.load().snatEgress().get(0);
        assertEquals(List.of(), snat.sets(), "a state written before issue 14 has no sets");
        assertEquals(List.of(WEB), snat.candidates());
    }

    @Test
    void missingStateIsEmpty() {
        assertEquals(LearnedState.empty(), new StateStore(dir.resolve("nothing-here")).load());
    }

    @Test
    void saveLeavesNoTemporaryFileAndReplacesThePreviousState() throws IOException {
        StateStore store = new StateStore(dir);
        store.save(LearnedState.empty());
        store.save(sample());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(StateStore.FILE), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(sample(), store.load());
    }

    @Test
    void corruptStateNamesTheFileAndLine() throws IOException {
        StateStore store = new StateStore(dir);
        Files.writeString(store.file(), "{\"version\": 1,\n \"edges\": [ {\"client\": ");
        InputException e = assertThrows(InputException.class, store::load);
        assertTrue(e.getMessage().startsWith(store.file() + ":2:"), e.getMessage());
    }

    @Test
    void unknownFieldIsRefusedRatherThanIgnored() throws IOException {
        StateStore store = new StateStore(dir);
        Files.writeString(store.file(), "{\"version\": 1, \"allowEverything\": true}");
        InputException e = assertThrows(InputException.class, store::load);
        assertTrue(e.getMessage().contains("allowEverything"), e.getMessage());
    }

    @Test
    void newerVersionIsRefusedWithTheFileName() throws IOException {
        StateStore store = new StateStore(dir);
        Files.writeString(store.file(), "{\"version\": " + (LearnedState.CURRENT_VERSION + 1) + "}");
        InputException e = assertThrows(InputException.class, store::load);
        assertTrue(e.getMessage().startsWith(store.file().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("newer flowpol"), e.getMessage());
    }

    @Test
    void badAddressIsRefused() throws IOException {
        StateStore store = new StateStore(dir);
        store.save(sample());
        String text = Files.readString(store.file()).replace("10.0.0.5", "10.0.0.500");
        Files.writeString(store.file(), text);
        InputException e = assertThrows(InputException.class, store::load);
        assertTrue(e.getMessage().contains(store.file().toString()), e.getMessage());
    }
}
