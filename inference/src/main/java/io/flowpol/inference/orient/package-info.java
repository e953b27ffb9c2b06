/**
 * Orientation: which end of a record is the server (DESIGN.md fact 7), strongest evidence first
 * — TCP flags, a declared port, the Linux ephemeral range, the lower port — with the
 * {@link io.flowpol.inference.model.DirectionProof} that decided. Every rule is symmetric in
 * source and destination, so the request and the reply record of one connection orient the
 * same way and meet under one join key.
 */
package io.flowpol.inference.orient;
