package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.WorkloadId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Policy names: a workload's policy is named like the workload, so a reviewer finds it;
 * when two workloads of one namespace share a name (a Deployment and a StatefulSet both
 * called {@code db}) or a workload is called like the namespace's default deny, each of
 * them gets its kind as a prefix ({@code deployment-db}, {@code statefulset-db}).
 */
final class PolicyNames {
    static final String DEFAULT_DENY = "default-deny";

    private PolicyNames() {
    }

    static Map<WorkloadId, String> assign(Collection<WorkloadId> workloads) {
        Map<String, List<WorkloadId>> byNamespaceAndName = workloads.stream().distinct()
                .collect(Collectors.groupingBy(w -> w.namespace() + "/" + w.name()));
        Map<WorkloadId, String> names = new TreeMap<>();
        for (List<WorkloadId> same : byNamespaceAndName.values()) {
            for (WorkloadId id : same) {
                boolean clash = same.size() > 1 || id.name().equals(DEFAULT_DENY);
                names.put(id, clash ? kindPrefixed(id) : id.name());
            }
        }
        return names;
    }

    /** DNS-1123: the kind lower-cased; workload names are already valid names. */
    private static String kindPrefixed(WorkloadId id) {
        return id.kind().toLowerCase(Locale.ROOT) + "-" + id.name();
    }
}
