package io.flowpol.templates.render;

import io.flowpol.inference.model.EniSets;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.synthesize.RuleEvidence;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The evidence of every rule by (namespace, policy, direction, rule index), built once per
 * render so that commenting thousands of rules stays linear.
 */
final class EvidenceIndex {
    private record Key(String namespace, String policy, PolicyType direction, int rule) {
    }

    private final Map<Key, RuleEvidence> byRule = new HashMap<>();
    private final NetworkInventory inventory;
    private final EniSets eniSets;

    EvidenceIndex(SynthesizedPolicies synthesized, NetworkInventory inventory) {
        this.inventory = inventory == null ? NetworkInventory.EMPTY : inventory;
        this.eniSets = new EniSets(this.inventory);
        for (RuleEvidence e : synthesized.evidence()) {
            byRule.putIfAbsent(new Key(e.namespace(), e.policy(), e.direction(), e.rule()), e);
        }
    }

    /** Names the in-VPC peers of rule comments. */
    NetworkInventory inventory() {
        return inventory;
    }

    /** The ENI sets rules to in-VPC peers were widened to (issue 11 item 3). */
    EniSets eniSets() {
        return eniSets;
    }

    /** The rule's evidence, or null; {@code namespace} null for cluster-scoped policies. */
    RuleEvidence of(String namespace, String policy, PolicyType direction, int rule) {
        return byRule.get(new Key(namespace, Objects.requireNonNull(policy), direction, rule));
    }
}
