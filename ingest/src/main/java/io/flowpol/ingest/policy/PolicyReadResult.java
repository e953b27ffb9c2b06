package io.flowpol.ingest.policy;

import io.flowpol.inference.policy.PolicySet;
import java.util.List;

/** The policies read from some files, and every document that was not a policy. */
public record PolicyReadResult(PolicySet policies, List<IgnoredDocument> ignored) {
    public PolicyReadResult {
        if (policies == null) {
            throw new IllegalArgumentException("policies == null");
        }
        ignored = ignored == null ? List.of() : List.copyOf(ignored);
    }
}
