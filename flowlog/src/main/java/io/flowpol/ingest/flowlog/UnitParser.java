package io.flowpol.ingest.flowlog;

import java.util.List;

/**
 * One of {@link PipelinedFlowLogReader}'s two parsing threads: reads every other
 * {@link ReadUnit} (its share, in order) with a {@link FlowLogReader} of its own into its own
 * {@link RecordHandoff}, closing each unit with a {@link UnitEnd}.
 *
 * <p>It stops after a unit that failed: the consumer, taking units in input order, rethrows that
 * failure when it gets there, as the sequential reader would have, and never asks for a later
 * unit. It stops quietly when the consumer cancels the hand-off.
 */
final class UnitParser implements Runnable {
    private final FlowLogReader reader;
    private final List<ReadUnit> units;
    private final RecordHandoff handoff;

    /**
     * @param reader this thread's own reader
     * @param units this thread's share of the units, in input order
     */
    UnitParser(FlowLogReader reader, List<ReadUnit> units, RecordHandoff handoff) {
        this.reader = reader;
        this.units = List.copyOf(units);
        this.handoff = handoff;
    }

    @Override
    public void run() {
        for (int i = 0; i < units.size(); i++) {
            UnitEnd end;
            try {
                end = new UnitEnd(reader.readUnit(units.get(i), handoff), null);
            } catch (RuntimeException | Error e) {
                if (handoff.cancelled()) {
                    return;
                }
                end = new UnitEnd(null, e);
            }
            boolean more = end.failure() == null && i + 1 < units.size();
            try {
                handoff.endUnit(end, more);
            } catch (RuntimeException e) {
                // Cancelled while waiting for a free batch: the consumer has stopped.
                return;
            }
            if (!more) {
                return;
            }
        }
    }
}
