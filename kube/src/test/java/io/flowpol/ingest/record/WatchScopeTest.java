package io.flowpol.ingest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WatchScopeTest {

    @Test
    void allNamespacesIsOneClusterWideScopePerKind() {
        List<WatchScope> plan = WatchScope.plan(List.of());
        assertEquals(ResourceKind.values().length, plan.size());
        assertTrue(plan.stream().allMatch(s -> s.namespace() == null && s.labelSelector() == null));
    }

    @Test
    void namespacedPlanWatchesEachNamespaceAndAddsTheApiServerSlice() {
        List<WatchScope> plan = WatchScope.plan(List.of("shop", "pay"));
        // 2 cluster kinds + 9 namespaced kinds x 2 namespaces + the API server slice
        assertEquals(2 + 9 * 2 + 1, plan.size());
        assertTrue(plan.contains(new WatchScope(ResourceKind.NODE, null, null)));
        assertTrue(plan.contains(new WatchScope(ResourceKind.POD, "pay", null)));
        assertTrue(plan.contains(WatchScope.API_SERVER_SLICE));
    }

    @Test
    void recordingDefaultAlreadyCoversTheApiServerSlice() {
        assertTrue(WatchScope.plan(List.of("default")).stream().noneMatch(s -> s.labelSelector() != null));
    }

    @Test
    void apiVersionsFollowTheirGroups() {
        assertEquals("v1", ResourceKind.POD.apiVersion());
        assertEquals("discovery.k8s.io/v1", ResourceKind.ENDPOINT_SLICE.apiVersion());
        assertEquals("batch/v1", ResourceKind.CRON_JOB.apiVersion());
    }
}
