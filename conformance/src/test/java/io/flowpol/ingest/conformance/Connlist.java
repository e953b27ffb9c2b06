package io.flowpol.ingest.conformance;

import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.policy.PolicySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * netpol-analyzer's {@code list} report in txt form ({@code src => dst : conn}, sorted by src
 * then dst, allowed pairs only, no self pairs), computed with {@link PolicyEngine}.
 */
final class Connlist {
    private Connlist() {
    }

    static List<String> lines(ManifestCluster cluster, PolicySet policies) {
        PolicyEngine engine = new PolicyEngine(policies, null);
        List<String[]> lines = new ArrayList<>();
        Map<String, EvalEndpoint> workloads = cluster.workloads();
        for (Map.Entry<String, EvalEndpoint> src : workloads.entrySet()) {
            for (Map.Entry<String, EvalEndpoint> dst : workloads.entrySet()) {
                if (!src.getKey().equals(dst.getKey())) {
                    add(lines, src.getKey(), dst.getKey(), engine.allowedConnections(src.getValue(), dst.getValue()));
                }
            }
        }
        for (long[] atom : IpAtoms.sources(List.of(policies)).ranges()) {
            EvalEndpoint external = EvalEndpoint.address(IpAtoms.address(atom[0]));
            for (Map.Entry<String, EvalEndpoint> dst : workloads.entrySet()) {
                add(lines, IpAtoms.display(atom), dst.getKey(), engine.allowedConnections(external, dst.getValue()));
            }
        }
        for (long[] atom : IpAtoms.destinations(List.of(policies)).ranges()) {
            EvalEndpoint external = EvalEndpoint.address(IpAtoms.address(atom[0]));
            for (Map.Entry<String, EvalEndpoint> src : workloads.entrySet()) {
                add(lines, src.getKey(), IpAtoms.display(atom), engine.allowedConnections(src.getValue(), external));
            }
        }
        // Go's sort.Strings on whole lines equals sorting by src then dst here: " => " sorts
        // below every character a peer name can continue with.
        lines.sort((a, b) -> {
            int c = a[0].compareTo(b[0]);
            return c != 0 ? c : a[1].compareTo(b[1]);
        });
        List<String> out = new ArrayList<>(lines.size());
        lines.forEach(l -> out.add(l[0] + " => " + l[1] + " : " + l[2]));
        return out;
    }

    private static void add(List<String[]> lines, String src, String dst, ConnectionSet conns) {
        if (!conns.isEmpty()) {
            lines.add(new String[] {src, dst, conns.toString()});
        }
    }
}
