package io.flowpol.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated cluster over the whole window: nodes, controllers, every pod's life with its
 * IP, Services, the control plane's and the load balancer's ENIs, and the IP reuses that
 * churn produced. Both the recording and the traffic are derived from it, so they agree.
 */
record ClusterPlan(String account, String region, String vpcId, List<NodePlan> nodes, List<WorkloadPlan> workloads,
        List<OwnerPlan> owners, List<PodPlan> pods, List<ServicePlan> services, List<Eni> apiServerEnis,
        List<Eni> loadBalancerEnis, List<IpReuse> reuses, Map<String, String> workloadUids,
        List<SyntheticWorkloads.Call> calls) {

    static final String VPC_CIDR = "10.0.0.0/16";

    ClusterPlan {
        nodes = List.copyOf(nodes);
        workloads = List.copyOf(workloads);
        owners = List.copyOf(owners);
        pods = List.copyOf(pods);
        services = List.copyOf(services);
        apiServerEnis = List.copyOf(apiServerEnis);
        loadBalancerEnis = List.copyOf(loadBalancerEnis);
        reuses = List.copyOf(reuses);
        workloadUids = Map.copyOf(workloadUids);
        calls = List.copyOf(calls);
    }

    /** The catalogue's namespaces, then those of the synthetic workloads. */
    List<String> namespaces() {
        List<String> all = new ArrayList<>(ScenarioCatalog.NAMESPACES);
        for (WorkloadPlan w : workloads) {
            if (!all.contains(w.namespace())) {
                all.add(w.namespace());
            }
        }
        return all;
    }

    /** The uid of a workload's top controller object, by {@link WorkloadPlan#key()}. */
    String uid(WorkloadPlan w) {
        return workloadUids.get(w.key());
    }

    /** Pods grouped by workload, in plan order; the traffic simulator picks peers from these. */
    Map<WorkloadPlan, List<PodPlan>> podsByWorkload() {
        Map<WorkloadPlan, List<PodPlan>> byWorkload = new LinkedHashMap<>();
        for (PodPlan p : pods) {
            byWorkload.computeIfAbsent(p.workload(), w -> new ArrayList<>()).add(p);
        }
        return byWorkload;
    }

    /** Every ENI a flow log of this VPC captures at, nodes first; the order fixes NODATA order. */
    List<Eni> enis() {
        List<Eni> all = new ArrayList<>();
        nodes.forEach(n -> all.addAll(n.enis()));
        all.addAll(apiServerEnis);
        all.addAll(loadBalancerEnis);
        return all;
    }
}
