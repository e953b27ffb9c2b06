package io.flowpol.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Extra Deployments that bring a scenario to a realistic size (issue 11: 15–200 workloads):
 * {@code svc-NNN} in ten {@code team-NN} namespaces, one to three replicas, each serving HTTP on
 * 8080 and calling two or three others, one call in four over a connection pool.
 */
final class SyntheticWorkloads {
    /** One workload calling another: short connections, or a pool each client pod keeps open. */
    record Call(WorkloadPlan client, WorkloadPlan server, boolean pooled) {
    }

    private SyntheticWorkloads() {
    }

    static List<WorkloadPlan> workloads(int count, SplittableRandom random) {
        List<WorkloadPlan> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = String.format("svc-%03d", i);
            out.add(new WorkloadPlan(String.format("team-%02d", i % 10), "Deployment", name, Map.of("app", name),
                    1 + random.nextInt(3), List.of(ScenarioCatalog.HTTP), false, false));
        }
        return out;
    }

    static List<Call> calls(List<WorkloadPlan> workloads, SplittableRandom random) {
        List<Call> out = new ArrayList<>();
        int n = workloads.size();
        if (n < 2) {
            return out;
        }
        for (int i = 0; i < n; i++) {
            int callees = Math.min(n - 1, 2 + random.nextInt(2));
            List<Integer> picked = new ArrayList<>();
            while (picked.size() < callees) {
                int j = random.nextInt(n);
                if (j != i && !picked.contains(j)) {
                    picked.add(j);
                    out.add(new Call(workloads.get(i), workloads.get(j), random.nextInt(4) == 0));
                }
            }
        }
        return out;
    }
}
