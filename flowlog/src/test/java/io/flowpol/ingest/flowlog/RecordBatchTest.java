package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordBatchTest {

    /** Every instance field of FlowRecord: a field added there and not to the packing fails here. */
    private static List<Field> fields() {
        List<Field> out = new ArrayList<>();
        for (Field f : FlowRecord.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                out.add(f);
            }
        }
        return out;
    }

    /** A record with every field set from {@code random}: extremes, -1 sentinels and ordinary values. */
    private static FlowRecord randomRecord(Random random) throws IllegalAccessException {
        FlowRecord r = new FlowRecord();
        for (Field f : fields()) {
            Class<?> type = f.getType();
            int pick = random.nextInt(4);
            if (type == long.class) {
                f.setLong(r, pick == 0 ? -1 : pick == 1 ? Long.MIN_VALUE : pick == 2 ? Long.MAX_VALUE : random.nextLong());
            } else if (type == int.class) {
                f.setInt(r, pick == 0 ? -1 : pick == 1 ? Integer.MIN_VALUE : pick == 2 ? Integer.MAX_VALUE : random.nextInt());
            } else if (type == byte.class) {
                f.setByte(r, (byte) (pick == 0 ? -1 : pick == 1 ? Byte.MIN_VALUE : random.nextInt(256)));
            } else if (type == boolean.class) {
                f.setBoolean(r, random.nextBoolean());
            } else {
                throw new AssertionError("FlowRecord." + f.getName() + " is a " + type + ": teach RecordBatch to pack it");
            }
        }
        return r;
    }

    @Test
    void everyFieldOfEveryRecordComesBackAsItWasAdded() throws IllegalAccessException {
        Random random = new Random(7);
        RecordBatch batch = new RecordBatch(50);
        List<FlowRecord> added = new ArrayList<>();
        for (int round = 0; round < 200; round++) {
            batch.size = 0;
            added.clear();
            while (!batch.isFull()) {
                FlowRecord r = randomRecord(random);
                added.add(r);
                batch.add(r);
            }
            FlowRecord out = randomRecord(random); // unpacking must overwrite whatever it held
            for (int i = 0; i < batch.size; i++) {
                batch.read(i, out);
                for (Field f : fields()) {
                    assertEquals(f.get(added.get(i)), f.get(out), "FlowRecord." + f.getName() + " of record " + i);
                }
                assertEquals(added.get(i).startMillis, batch.starts[i]);
                assertEquals(added.get(i).line, batch.line(i));
            }
        }
    }

    @Test
    void aBatchIsFullAtItsCapacity() {
        RecordBatch batch = new RecordBatch(2);
        FlowRecord r = new FlowRecord();
        batch.add(r);
        assertFalse(batch.isFull());
        batch.add(r);
        assertTrue(batch.isFull());
    }
}
