package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How far the parse pool reads a file ahead of the merge (GitHub issue 13: memory against waiting). */
class ParsePoolTest {
    private static final int CAPACITY = 64;
    private static final int BUDGET = 4;
    private static final int DEPTH = 2;

    @TempDir
    Path dir;

    @Test
    void aFileIsParsedAsFarAheadAsItsMergeWindowHoldsBackAndNoFurther() throws Exception {
        Path file = dir.resolve("s3.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            StringBuilder text = new StringBuilder("version account-id interface-id srcaddr dstaddr srcport dstport"
                    + " protocol packets bytes start end action log-status\n");
            for (int i = 0; i < 5000; i++) {
                long start = 1_700_000_000L + i / 10;
                text.append("2 123456789012 eni-1 10.0.0.1 10.1.0.9 ").append(40000 + i % 20000).append(" 443 6 3 300 ")
                        .append(start).append(' ').append(start + 30).append(" ACCEPT OK\n");
            }
            out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        }
        ParsePool pool = new ParsePool(FlowLogOptions.DEFAULTS, InputProgress.none(), 2, 4096, CAPACITY, BUDGET, DEPTH);
        try {
            ParsePool.Feed feed = pool.feed(ReadUnit.whole(0, FlowLogInput.of(file)));
            pool.demand(feed);
            assertEquals(1, settled(pool, feed), "opened ahead of the merge: one batch");

            RecordBatch first = pool.take(feed, 0);
            assertEquals(DEPTH, settled(pool, feed), "the merge holds nothing back: the pool's depth");
            long records = first.size();
            long lastLine = first.line(first.size() - 1);
            pool.recycle(first);

            // The merge holds back ten batches' worth of this file's records (a minute of an S3 file):
            // as many are parsed ahead, beyond the pool's budget, and one more, no further.
            RecordBatch batch = pool.take(feed, 10 * CAPACITY);
            assertEquals(11, settled(pool, feed));

            // What is taken comes in file order, every record once.
            while (true) {
                for (int i = 0; i < batch.size(); i++) {
                    assertTrue(batch.line(i) > lastLine);
                    lastLine = batch.line(i);
                }
                records += batch.size();
                if (batch.unitEnd != null) {
                    assertNotNull(batch.unitEnd.counters());
                    break;
                }
                pool.recycle(batch);
                batch = pool.take(feed, 0);
            }
            assertEquals(5000, records);
            assertEquals(5001, lastLine, "the header is line 1");
        } finally {
            pool.stop();
        }
    }

    /** Waits for the workers to finish with the file and returns its batches parsed ahead. */
    private static int settled(ParsePool pool, ParsePool.Feed feed) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int ready;
        int same = 0;
        int last = -2;
        // Settled twice in a row 20 ms apart: a recycled batch could otherwise start another task.
        while (same < 2) {
            ready = pool.readyWhenSettled(feed);
            same = ready >= 0 && ready == last ? same + 1 : 0;
            last = ready;
            assertTrue(System.nanoTime() < deadline, "the workers settle");
            Thread.sleep(20);
        }
        return last;
    }
}
