/**
 * Aggregation: the records of one connection are joined under one key whichever ENI captured
 * them (DESIGN.md facts 1 and 2), then connections with both ends resolved are counted into
 * edges, attempts (fact 11) or SNAT-hidden egress (fact 3) under packed primitive keys; the
 * {@link io.flowpol.inference.model.Edge} records are built only when the window is finished.
 * Memory is bounded by the connections live within the join horizon plus the edges.
 */
package io.flowpol.inference.aggregate;
