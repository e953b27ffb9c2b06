package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordWindowTest {
    /** A record by its index in the test's one batch (the window holds records where they are packed). */
    private record Entry(long start, long arrival, int index) {
    }

    /**
     * Against a sorted list by (start, arrival), with the merge's pattern of adds and removals:
     * starts running back within a minute, ties, sub-second starts, gaps of minutes ahead and
     * records late by more than the ring spans.
     */
    @Test
    void recordsComeOutByStartThenArrivalWhateverTheirSpread() {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            RecordWindow window = new RecordWindow();
            RecordBatch batch = new RecordBatch(20_000);
            PriorityQueue<Entry> reference = new PriorityQueue<>(
                    Comparator.comparingLong(Entry::start).thenComparingLong(Entry::arrival));
            long clock = 1_700_000_000_000L;
            long arrival = 0;
            for (int step = 0; step < 20_000; step++) {
                int what = random.nextInt(100);
                if (what < 55 || reference.isEmpty()) {
                    long start;
                    int kind = random.nextInt(1000);
                    if (kind < 5) {
                        clock += 60_000L * (1 + random.nextInt(10));   // a gap: minutes ahead
                        start = clock;
                    } else if (kind < 10) {
                        start = clock - 1000L * (100 + random.nextInt(900));   // late beyond the ring
                    } else if (kind < 30) {
                        start = clock - random.nextInt(60_000);         // sub-second start
                    } else {
                        start = clock - 1000L * random.nextInt(60);
                    }
                    if (random.nextInt(10) == 0) {
                        clock += 1000;
                    }
                    int index = (int) arrival;
                    window.add(batch, index, start);
                    reference.add(new Entry(start, arrival++, index));
                } else {
                    Entry first = reference.poll();
                    assertEquals(first.start(), window.minStart(), "seed " + seed + " step " + step);
                    assertSame(batch, window.removeMin(), "seed " + seed + " step " + step);
                    assertEquals(first.index(), window.removedIndex(), "seed " + seed + " step " + step);
                }
                assertEquals(reference.size(), window.size());
            }
        }
    }
}
