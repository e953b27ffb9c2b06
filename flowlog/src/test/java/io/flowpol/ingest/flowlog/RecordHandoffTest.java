package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import org.junit.jupiter.api.Test;

class RecordHandoffTest {

    private static FlowRecord record(long line) {
        FlowRecord r = new FlowRecord();
        r.line = line;
        return r;
    }

    @Test
    void unitEndArrivesAfterTheUnitsRecordsAndBatchesComeBackClean() throws InterruptedException {
        RecordHandoff handoff = new RecordHandoff(4, 2);
        FlowLogCounters counters = new FlowLogCounters(1);
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 5; i++) {
                handoff.accept(record(i));
            }
            handoff.endUnit(new UnitEnd(counters, null), false);
        });
        producer.start();
        long expected = 1;
        UnitEnd end = null;
        while (end == null) {
            RecordBatch batch = handoff.take(producer);
            for (int i = 0; i < batch.size(); i++) {
                assertEquals(expected++, batch.line(i));
            }
            end = batch.unitEnd;
            handoff.recycle(batch);
            assertNull(batch.unitEnd);
            assertEquals(0, batch.size());
        }
        assertSame(counters, end.counters());
        assertEquals(6, expected);
        producer.join();
    }

    @Test
    void takeFailsInsteadOfHangingWhenTheProducerDiedWithoutAUnitEnd() throws InterruptedException {
        RecordHandoff handoff = new RecordHandoff(2, 4);
        Thread producer = new Thread(() -> handoff.accept(record(1)), "test-parser");
        producer.start();
        producer.join();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> handoff.take(producer));
        assertTrue(e.getMessage().contains("test-parser"), e.getMessage());
    }
}
