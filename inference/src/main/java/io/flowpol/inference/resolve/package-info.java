/**
 * Resolution: {@code (address, time) → endpoint} over the intervals of the recording, never a
 * last-known map, because pod IPs are reused (DESIGN.md fact 6). Endpoints are small ints into an
 * {@link io.flowpol.inference.resolve.Endpoints} table so that the hot loop allocates nothing: a
 * pod span, a node address, an API server address (fact 10), or an interned VPC or external
 * address. hostNetwork pods resolve to their node (fact 10).
 */
package io.flowpol.inference.resolve;
