package io.flowpol.ingest.flowlog;

/**
 * How a parsing thread finished one {@link ReadUnit}, riding on the unit's last
 * {@link RecordBatch} so that the consumer sees it after the unit's records, in order.
 *
 * @param counters the unit's tallies, unit-relative lines; null when it failed
 * @param failure what stopped the unit (an {@link io.flowpol.inference.model.InputException}
 *     with a unit-relative line, or any other exception); null when it was read to its end
 */
record UnitEnd(FlowLogCounters counters, Throwable failure) {

    UnitEnd {
        if ((counters == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of counters and failure");
        }
    }
}
