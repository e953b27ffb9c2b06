package io.flowpol.ingest.flowlog;

import java.util.concurrent.Semaphore;

/**
 * The parsing thread of one file of a {@link TimeOrderedFlowLogReader} read: reads the whole file
 * into its bounded {@link RecordHandoff} and closes it with a {@link UnitEnd}. Many such threads
 * exist (one per open file) but only as many parse at a time as there are {@code permits}
 * (the cores the read may use); a thread holds one while parsing and gives it back while its
 * hand-off is full.
 */
final class SourceParser implements Runnable {
    private final FlowLogReader reader;
    private final ReadUnit unit;
    private final RecordHandoff handoff;
    private final Semaphore permits;

    SourceParser(FlowLogReader reader, ReadUnit unit, RecordHandoff handoff, Semaphore permits) {
        this.reader = reader;
        this.unit = unit;
        this.handoff = handoff;
        this.permits = permits;
    }

    @Override
    public void run() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            // Cancelled before parsing: the consumer has stopped.
            return;
        }
        UnitEnd end;
        try {
            end = new UnitEnd(reader.readUnit(unit, handoff), null);
        } catch (RuntimeException | Error e) {
            if (handoff.cancelled()) {
                permits.release();
                return;
            }
            // The consumer rethrows it when the merge reaches this file's next record.
            end = new UnitEnd(null, e);
        }
        permits.release();
        try {
            handoff.endUnit(end, false);
        } catch (RuntimeException e) {
            // Cancelled: the consumer has stopped.
        }
    }
}
