package io.flowpol.inference.snat;

import io.flowpol.inference.model.WorkloadId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sorted workload sets to small int ids, so connections are counted per set without copying it. */
final class CandidateInterner {
    private final Map<List<WorkloadId>, Integer> ids = new HashMap<>();
    private final List<List<WorkloadId>> sets = new ArrayList<>();

    /** The id of {@code sorted}, a sorted, immutable list. */
    int intern(List<WorkloadId> sorted) {
        Integer id = ids.get(sorted);
        if (id == null) {
            id = sets.size();
            ids.put(sorted, id);
            sets.add(sorted);
        }
        return id;
    }

    List<WorkloadId> set(int id) {
        return sets.get(id);
    }
}
