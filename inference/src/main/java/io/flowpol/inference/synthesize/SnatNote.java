package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Edge;

/**
 * Why a rule's edge exists although its sender was hidden by SNAT (DESIGN.md fact 3), in the words
 * of the rule comment (issue 14 item 4): {@code SNAT: sender not identified — 249 connections from
 * node ip-10-0-1-2 to this address; 2 common candidates}. The edge's count is the node's, never
 * the workload's own, so it is never added to the rule's own count.
 */
public record SnatNote(Edge edge, String text) {
    public SnatNote {
        if (edge == null || text == null) {
            throw new IllegalArgumentException("edge and text are required");
        }
    }
}
