package io.flowpol.inference.snat;

import io.flowpol.inference.model.SnatAttribution;
import io.flowpol.inference.model.WorkloadId;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a policy set decides for the SNAT-ed connections to one external destination and port
 * (issue 14 item 3): the sender of each is one of its candidates (DESIGN.md fact 3), so a
 * connection is surely allowed when the set allows every candidate of it, surely denied when it
 * allows none, and denied or not depending on the unknown sender otherwise.
 *
 * @param candidates every candidate of the destination that pod policies apply to, true when the set
 *     allows it there
 * @param hostNetwork candidates with hostNetwork pods only: they send as the node, no pod policy applies
 * @param allowedFromAll connections whose every candidate is allowed
 * @param allowedFromSome connections with allowed and denied candidates: denied if a denied one sent them
 * @param allowedFromNone connections no candidate of which is allowed: denied whoever sent them
 * @param unattributed connections whose only candidates are hostNetwork pods or none (the node itself
 *     sent): no pod policy applies
 */
public record SnatVerdict(SnatAttribution attribution, SortedMap<WorkloadId, Boolean> candidates,
                          List<WorkloadId> hostNetwork, long allowedFromAll, long allowedFromSome, long allowedFromNone, long unattributed) {
    public SnatVerdict {
        candidates = Collections.unmodifiableSortedMap(new TreeMap<>(candidates));
        hostNetwork = List.copyOf(hostNetwork);
    }

    /** Over the candidates: all allowed, some, or none. */
    public enum Reach { ALL, SOME, NONE }

    public Reach reach() {
        long allowed = allowedCandidates();
        return allowed == candidates.size() ? Reach.ALL : allowed == 0 ? Reach.NONE : Reach.SOME;
    }

    public long allowedCandidates() {
        return candidates.values().stream().filter(Boolean::booleanValue).count();
    }

    /** Some connection may be denied: a candidate of it is. */
    public boolean mayDeny() {
        return allowedFromSome + allowedFromNone > 0;
    }
}
