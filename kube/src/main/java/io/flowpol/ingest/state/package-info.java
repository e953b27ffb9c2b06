/**
 * Stores what {@code flowpol learn} remembers between windows
 * ({@link io.flowpol.inference.history.LearnedState}) as one JSON file in the state directory.
 *
 * <p>Contract: {@link io.flowpol.ingest.state.StateStore#load} returns the empty state when the
 * directory holds none, the stored state otherwise, or throws
 * {@link io.flowpol.inference.model.InputException} naming the file when it is corrupt or was
 * written by a newer flowpol (never guessing: a misread state would drop or invent allow
 * rules). {@link io.flowpol.ingest.state.StateStore#save} replaces the file atomically
 * (temporary file, then a move), so a run that fails or is killed leaves the previous state.
 * {@link io.flowpol.ingest.state.StateLock} lets one run at a time use a state directory: an OS
 * file lock, released by the OS when the holder dies, naming its holder for the run it refuses.
 */
package io.flowpol.ingest.state;
