package io.flowpol.inference.policy;

/**
 * A Calico rule. {@code protocol}/{@code notProtocol} are names (TCP, UDP, ...) or numbers
 * as text, null when absent; {@code ipVersion} 4, 6 or null.
 */
public record CalicoRule(
        CalicoAction action,
        String protocol,
        String notProtocol,
        Integer ipVersion,
        CalicoEntityRule source,
        CalicoEntityRule destination) {

    public enum CalicoAction { ALLOW, DENY, PASS, LOG }

    public CalicoRule {
        if (action == null) {
            throw new IllegalArgumentException("action == null");
        }
        source = source == null ? CalicoEntityRule.ANY : source;
        destination = destination == null ? CalicoEntityRule.ANY : destination;
    }
}
