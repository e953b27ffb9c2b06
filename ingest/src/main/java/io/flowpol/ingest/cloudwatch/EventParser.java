package io.flowpol.ingest.cloudwatch;

import io.flowpol.inference.model.FlowRecord;

/**
 * Parses one log event's message (one flow-log record, no header) into the cursor. Returns null
 * when the line parsed, else a short description of the failing field ("dstport: expected a
 * number, found 'x'"). One instance per reading thread.
 */
@FunctionalInterface
public interface EventParser {
    String parse(byte[] buffer, int start, int end, FlowRecord out);
}
