package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.IpAddress;
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
        // Most addresses as the parser leaves them (IPv4, or absent and zero), which pack narrow;
        // the rest keep their random halves and flags, which do not.
        if (random.nextInt(4) != 0) {
            r.hasSrcAddr = random.nextBoolean();
            r.srcHi = 0;
            r.srcLo = r.hasSrcAddr ? IpAddress.V4_MAPPED_PREFIX | random.nextInt() & 0xFFFF_FFFFL : 0;
            r.hasDstAddr = random.nextBoolean();
            r.dstHi = 0;
            r.dstLo = r.hasDstAddr ? IpAddress.V4_MAPPED_PREFIX | random.nextInt() & 0xFFFF_FFFFL : 0;
            r.hasPktSrcAddr = random.nextBoolean();
            r.pktSrcHi = 0;
            r.pktSrcLo = r.hasPktSrcAddr ? IpAddress.V4_MAPPED_PREFIX | random.nextInt() & 0xFFFF_FFFFL : 0;
            r.hasPktDstAddr = random.nextBoolean();
            r.pktDstHi = 0;
            r.pktDstLo = r.hasPktDstAddr ? IpAddress.V4_MAPPED_PREFIX | random.nextInt() & 0xFFFF_FFFFL : 0;
            if (random.nextInt(8) == 0) {
                r.pktDstLo ^= 1L << (32 + random.nextInt(32)); // one bit off the IPv4 form: wide
            }
        }
        return r;
    }

    @Test
    void everyFieldOfEveryRecordComesBackAsItWasAdded() throws IllegalAccessException {
        Random random = new Random(7);
        RecordBatch batch = new RecordBatch(50);
        List<FlowRecord> added = new ArrayList<>();
        int narrow = 0;
        int wide = 0;
        for (int round = 0; round < 200; round++) {
            batch.clear();
            added.clear();
            while (!batch.isFull()) {
                FlowRecord r = randomRecord(random);
                added.add(r);
                batch.add(r);
            }
            FlowRecord out = randomRecord(random); // unpacking must overwrite whatever it held
            for (int i = 0; i < batch.size(); i++) {
                batch.read(i, out);
                for (Field f : fields()) {
                    assertEquals(f.get(added.get(i)), f.get(out), "FlowRecord." + f.getName() + " of record " + i);
                }
                assertEquals(added.get(i).startMillis, batch.starts[i]);
                assertEquals(added.get(i).line, batch.line(i));
            }
            wide += batch.wideRecords();
            narrow += batch.size() - batch.wideRecords();
        }
        // Both packings were exercised, and the IPv4 records took the narrow one.
        assertTrue(narrow > 5_000 && wide > 1_000, narrow + " narrow, " + wide + " wide");
    }

    @Test
    void recordsOfIpv4OrAbsentAddressesPackNarrowOthersWide() {
        RecordBatch batch = new RecordBatch(4);
        FlowRecord v4 = new FlowRecord();
        v4.hasSrcAddr = v4.hasDstAddr = true;
        v4.srcLo = IpAddress.V4_MAPPED_PREFIX | 0x0A00_0001L;
        v4.dstLo = IpAddress.V4_MAPPED_PREFIX | 0xC0A8_0101L;
        batch.add(v4); // pkt-* absent and zero, as in v2 records
        FlowRecord v6 = new FlowRecord();
        v6.copyFrom(v4);
        v6.hasPktSrcAddr = true;
        v6.pktSrcHi = 0x2001_0db8_0000_0000L;
        v6.pktSrcLo = 1;
        batch.add(v6);
        FlowRecord zeroButPresent = new FlowRecord();
        zeroButPresent.hasSrcAddr = true; // "present" with all halves 0 is not an IPv4-mapped address
        batch.add(zeroButPresent);
        assertEquals(2, batch.wideRecords());
        FlowRecord out = new FlowRecord();
        batch.read(1, out);
        assertEquals(0x2001_0db8_0000_0000L, out.pktSrcHi);
        assertEquals(v4.srcLo, out.srcLo);
        batch.read(0, out);
        assertEquals(0, out.pktSrcHi);
        assertEquals(0, out.pktSrcLo);
        assertFalse(out.hasPktSrcAddr);
        assertEquals(v4.dstLo, out.dstLo);
        batch.read(2, out);
        assertTrue(out.hasSrcAddr);
        assertEquals(0, out.srcLo);
        batch.clear();
        assertEquals(0, batch.wideRecords());
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
