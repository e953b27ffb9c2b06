/**
 * {@code flowpol record}: watches a live cluster for the whole learning window and writes the
 * DESIGN.md cluster recording (JSON Lines, one watch event per line:
 * {@code {"time":"<RFC 3339, ms, UTC>","type":"ADDED|MODIFIED|DELETED","object":{...}}}).
 *
 * <p>Contract: no IP assignment may be missed, because IPs are reused (DESIGN.md fact 6). Each
 * kind is listed (every item written as ADDED at the list time), then watched from the list's
 * {@code resourceVersion}; a dropped watch resumes from the last {@code resourceVersion} seen;
 * a 410 Gone re-lists and writes the differences against what the recorder believed existed.
 * Every written object carries {@code apiVersion} and {@code kind}. One writer serialises the
 * lines and flushes at least once a second, so a crash loses at most the last second and never
 * leaves a partial line behind a complete one.
 *
 * <p>This package talks to the API server with kubernetes-client-java; nothing here is used by
 * {@code inference}. Its objects are the client's own Gson trees ({@code DynamicKubernetesObject}),
 * kept as they come from the watch and written as they are: the only Gson of flowpol's code. The
 * rest of {@code ingest}, reading recordings and policies, uses Jackson (issue 17: converting
 * each watched object to Jackson would serialise and parse it once more for nothing).
 */
package io.flowpol.ingest.record;
