/**
 * Coverage and findings: what the window could not see or could not trust — silent workloads,
 * workload pairs always on one node (DESIGN.md fact 4), unresolved ends by reason, lost data
 * (fact 8), SNAT (fact 3), overlays (fact 12), Windows nodes — stated with what it costs and
 * what to do, under stable finding codes.
 */
package io.flowpol.inference.coverage;
