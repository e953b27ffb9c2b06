package io.flowpol.inference.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntMapTest {
    @Test
    void absentKeyIsMinusOneAndPutReplaces() {
        LongIntMap map = new LongIntMap(4);
        assertEquals(-1, map.get(42));
        map.put(42, 1);
        map.put(42, 2);
        assertEquals(2, map.get(42));
        assertEquals(1, map.size());
    }

    @Test
    void zeroAndNegativeKeysAreOrdinaryKeys() {
        LongIntMap map = new LongIntMap(4);
        map.put(0, 5);
        map.put(-1, 6);
        map.put(Long.MIN_VALUE, 7);
        assertEquals(5, map.get(0));
        assertEquals(6, map.get(-1));
        assertEquals(7, map.get(Long.MIN_VALUE));
        assertEquals(-1, map.get(1));
    }

    @Test
    void agreesWithHashMapThroughGrowth() {
        LongIntMap map = new LongIntMap(2);
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            long key = random.nextInt(3_000) * 0x1_0000_0001L;
            map.put(key, i);
            expected.put(key, i);
        }
        assertEquals(expected.size(), map.size());
        for (int k = 0; k < 3_000; k++) {
            long key = k * 0x1_0000_0001L;
            assertEquals(expected.getOrDefault(key, -1), map.get(key));
        }
    }

    @Test
    void negativeValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LongIntMap(4).put(1, -1));
    }
}
