package io.flowpol.ingest.record;

import java.util.concurrent.atomic.AtomicLong;

/** Counts shared by all watchers of one recording, for progress and tests. */
final class WatchCounters {
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong relists = new AtomicLong();
}
