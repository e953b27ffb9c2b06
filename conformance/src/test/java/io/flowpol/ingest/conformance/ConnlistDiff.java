package io.flowpol.ingest.conformance;

import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.policy.PolicySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * netpol-analyzer's {@code diff} report in txt form (conformance/netpol-analyzer/README.md,
 * "Output format: diff"): evaluate both sides with {@link PolicyEngine}, classify every pair
 * changed / added / removed. IP peers use the common refinement of both sides' IP atoms, and
 * touching atoms with the same (peer, conn1, conn2) are merged after diffing.
 */
final class ConnlistDiff {
    private final PolicyEngine engine1;
    private final PolicyEngine engine2;
    /** Workload name → [endpoint in dir1 or null, endpoint in dir2 or null]. */
    private final Map<String, EvalEndpoint[]> workloads = new TreeMap<>();
    private final String ref1;
    private final String ref2;
    private final List<String> changed = new ArrayList<>();
    private final List<String> added = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();

    private ConnlistDiff(ManifestCluster c1, PolicySet p1, ManifestCluster c2, PolicySet p2, String ref1, String ref2) {
        this.engine1 = new PolicyEngine(p1, null);
        this.engine2 = new PolicyEngine(p2, null);
        this.ref1 = ref1;
        this.ref2 = ref2;
        c1.workloads().forEach((name, e) -> workloads.computeIfAbsent(name, n -> new EvalEndpoint[2])[0] = e);
        c2.workloads().forEach((name, e) -> workloads.computeIfAbsent(name, n -> new EvalEndpoint[2])[1] = e);
    }

    static List<String> lines(ManifestCluster c1, PolicySet p1, ManifestCluster c2, PolicySet p2, String ref1, String ref2) {
        ConnlistDiff diff = new ConnlistDiff(c1, p1, c2, p2, ref1, ref2);
        diff.workloadPairs();
        diff.ipPeers(IpAtoms.sources(List.of(p1, p2)), true);
        diff.ipPeers(IpAtoms.destinations(List.of(p1, p2)), false);
        List<String> out = new ArrayList<>();
        for (List<String> group : List.of(diff.changed, diff.added, diff.removed)) {
            group.sort(null);
            out.addAll(group);
        }
        // Upstream prints nothing at all, not even the header, when nothing changed.
        if (!out.isEmpty()) {
            out.add(0, "Connectivity diff:");
        }
        return out;
    }

    private void workloadPairs() {
        for (Map.Entry<String, EvalEndpoint[]> src : workloads.entrySet()) {
            for (Map.Entry<String, EvalEndpoint[]> dst : workloads.entrySet()) {
                if (src.getKey().equals(dst.getKey())) {
                    continue;
                }
                EvalEndpoint[] s = src.getValue();
                EvalEndpoint[] d = dst.getValue();
                ConnectionSet conn1 = s[0] == null || d[0] == null ? ConnectionSet.NONE : engine1.allowedConnections(s[0], d[0]);
                ConnectionSet conn2 = s[1] == null || d[1] == null ? ConnectionSet.NONE : engine2.allowedConnections(s[1], d[1]);
                List<String> changedWorkloads = new ArrayList<>();
                for (Map.Entry<String, EvalEndpoint[]> end : List.of(src, dst)) {
                    if (end.getValue()[0] == null || end.getValue()[1] == null) {
                        changedWorkloads.add(end.getKey());
                    }
                }
                emit(src.getKey(), dst.getKey(), conn1, conn2, changedWorkloads);
            }
        }
    }

    /** Atoms in order, merging touching ones whose (workload, conn1, conn2) is the same. */
    private void ipPeers(IpAtoms atoms, boolean asSource) {
        for (Map.Entry<String, EvalEndpoint[]> w : workloads.entrySet()) {
            long[] run = null;
            ConnectionSet[] runConns = null;
            for (long[] atom : atoms.ranges()) {
                EvalEndpoint external = EvalEndpoint.address(IpAtoms.address(atom[0]));
                ConnectionSet[] conns = {conn(engine1, external, w.getValue()[0], asSource), conn(engine2, external, w.getValue()[1], asSource)};
                boolean differs = !conns[0].equals(conns[1]);
                if (run != null && differs && conns[0].equals(runConns[0]) && conns[1].equals(runConns[1])) {
                    run[1] = atom[1];
                    continue;
                }
                flush(run, runConns, w, asSource);
                run = differs ? atom.clone() : null;
                runConns = conns;
            }
            flush(run, runConns, w, asSource);
        }
    }

    private static ConnectionSet conn(PolicyEngine engine, EvalEndpoint external, EvalEndpoint workload, boolean externalIsSource) {
        if (workload == null) {
            return ConnectionSet.NONE;
        }
        return externalIsSource ? engine.allowedConnections(external, workload) : engine.allowedConnections(workload, external);
    }

    private void flush(long[] run, ConnectionSet[] conns, Map.Entry<String, EvalEndpoint[]> w, boolean asSource) {
        if (run == null) {
            return;
        }
        List<String> changedWorkloads = w.getValue()[0] == null || w.getValue()[1] == null ? List.of(w.getKey()) : List.of();
        String ip = IpAtoms.display(run);
        emit(asSource ? ip : w.getKey(), asSource ? w.getKey() : ip, conns[0], conns[1], changedWorkloads);
    }

    private void emit(String src, String dst, ConnectionSet conn1, ConnectionSet conn2, List<String> changedWorkloads) {
        if (conn1.equals(conn2)) {
            return;
        }
        String line = "source: " + src + ", destination: " + dst + ", " + ref1 + ": " + conn1 + ", " + ref2 + ": " + conn2;
        if (!changedWorkloads.isEmpty()) {
            line += ", workloads-diff-info: workload " + String.join(" and ", changedWorkloads)
                    + (conn1.isEmpty() ? " added" : " removed");
        }
        if (conn1.isEmpty()) {
            added.add("diff-type: added, " + line);
        } else if (conn2.isEmpty()) {
            removed.add("diff-type: removed, " + line);
        } else {
            changed.add("diff-type: changed, " + line);
        }
    }
}
