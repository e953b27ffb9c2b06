package io.flowpol.inference.model;

import java.util.Set;

/**
 * What backs an edge: distinct connections (not records, DESIGN.md fact 1), packets and
 * bytes as seen at one end, first and last seen (epoch ms), and the proofs of direction.
 */
public record Evidence(long connections, long packets, long bytes, long firstSeen, long lastSeen, Set<DirectionProof> proofs) {
    public Evidence {
        proofs = proofs == null ? Set.of() : Set.copyOf(proofs);
    }
}
