package io.flowpol.ingest.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cases a suite leaves out, counted by reason while its test list is built (issue 17 item 2):
 * they never become tests, so a skip among the tests is a real in-scope skip and is named.
 */
final class OutOfScope {
    /** Policy kinds flowpol evaluates besides networking.k8s.io/v1 NetworkPolicy. */
    private static final Set<String> EVALUATED = Set.of("AdminNetworkPolicy", "BaselineAdminNetworkPolicy");
    /** suite class → case list → reason → count. */
    private static final Map<Class<?>, Map<String, Map<String, Integer>>> BY_SUITE = new ConcurrentHashMap<>();

    private OutOfScope() {
    }

    /** Starts counting one case list of a suite afresh (a provider may run more than once). */
    static Map<String, Integer> start(Class<?> suite, String list) {
        Map<String, Integer> reasons = new TreeMap<>();
        BY_SUITE.computeIfAbsent(suite, s -> new ConcurrentHashMap<>()).put(list, reasons);
        return reasons;
    }

    /** Every reason of the suite's lists, with counts. */
    static Map<String, Integer> of(Class<?> suite) {
        Map<String, Integer> all = new TreeMap<>();
        BY_SUITE.getOrDefault(suite, Map.of()).values().forEach(m -> m.forEach((r, n) -> all.merge(r, n, Integer::sum)));
        return all;
    }

    /** Why input with these non-NetworkPolicy features is out of scope, or null when flowpol evaluates all of them. */
    static String features(JsonNode features) {
        for (JsonNode f : features) {
            if (!EVALUATED.contains(f.asText())) {
                return "uses " + features + " (not a policy kind flowpol evaluates)";
            }
        }
        return null;
    }
}
