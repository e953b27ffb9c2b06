/**
 * Compares two policy sets: evaluate both sides on the same connections and classify each
 * (STYLE.md: netpol-analyzer's diff), plus a line diff of the normalised documents.
 */
package io.flowpol.inference.diff;
