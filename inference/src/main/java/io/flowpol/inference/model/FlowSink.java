package io.flowpol.inference.model;

/**
 * Receives parsed flow-log records. Readers call {@link #accept} once per record with a
 * reused cursor (see {@link FlowRecord}); NODATA and SKIPDATA records are passed too, so
 * that the consumer can count lost intervals (DESIGN.md fact 8).
 */
@FunctionalInterface
public interface FlowSink {
    void accept(FlowRecord record);
}
