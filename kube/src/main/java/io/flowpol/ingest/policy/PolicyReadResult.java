package io.flowpol.ingest.policy;

import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.policy.PolicySet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The policies read from some files, every document that was not a policy, the warnings about
 * the policies' documents (unknown fields, repeated keys: {@code --strict} makes them errors),
 * and, when the reader keeps them, the normalised documents by key ({@link PolicyDocuments}).
 */
public record PolicyReadResult(PolicySet policies, List<IgnoredDocument> ignored, List<InputProblem> warnings,
                               Map<String, String> documents) {
    public PolicyReadResult {
        if (policies == null) {
            throw new IllegalArgumentException("policies == null");
        }
        ignored = ignored == null ? List.of() : List.copyOf(ignored);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        documents = documents == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(documents));
    }

    public PolicyReadResult(PolicySet policies, List<IgnoredDocument> ignored) {
        this(policies, ignored, List.of(), Map.of());
    }
}
