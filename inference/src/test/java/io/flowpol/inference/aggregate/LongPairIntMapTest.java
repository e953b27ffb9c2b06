package io.flowpol.inference.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongPairIntMapTest {
    @Test
    void agreesWithHashMapUnderInsertAndRemove() {
        LongPairIntMap map = new LongPairIntMap(4);
        Map<List<Long>, Integer> expected = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long a = random.nextInt(300);
            long b = random.nextInt(3) * 0x1_0000_0000L;
            if (random.nextInt(3) == 0) {
                map.remove(a, b);
                expected.remove(List.of(a, b));
            } else {
                map.put(a, b, i);
                expected.put(List.of(a, b), i);
            }
        }
        assertEquals(expected.size(), map.size());
        for (long a = 0; a < 300; a++) {
            for (int k = 0; k < 3; k++) {
                long b = k * 0x1_0000_0000L;
                assertEquals(expected.getOrDefault(List.of(a, b), -1), map.get(a, b));
            }
        }
    }

    @Test
    void getOrPutInsertsOnlyWhenAbsent() {
        LongPairIntMap map = new LongPairIntMap(4);
        assertEquals(-1, map.getOrPut(1, 2, 7));
        assertEquals(7, map.getOrPut(1, 2, 9));
        assertEquals(7, map.get(1, 2));
        assertEquals(1, map.size());
    }

    @Test
    void removalAtTheTableEndKeepsKeysThatWrappedToTheStartReachable() {
        // Capacity 8 for 4 expected keys: pick three keys whose home is the last index, so
        // that the second and third wrap around to indices 0 and 1.
        LongPairIntMap map = new LongPairIntMap(4);
        List<Long> wrapping = new java.util.ArrayList<>();
        for (long a = 0; wrapping.size() < 3; a++) {
            if ((LongPairIntMap.hash(a, 0) & 7) == 7) {
                wrapping.add(a);
            }
        }
        for (int i = 0; i < 3; i++) {
            map.put(wrapping.get(i), 0, i);
        }
        map.remove(wrapping.get(0), 0);
        assertEquals(-1, map.get(wrapping.get(0), 0));
        assertEquals(1, map.get(wrapping.get(1), 0));
        assertEquals(2, map.get(wrapping.get(2), 0));
        assertEquals(2, map.size());
    }

    @Test
    void growthKeepsEveryKey() {
        LongPairIntMap map = new LongPairIntMap(4);
        for (int i = 0; i < 1000; i++) {
            map.put(i, -i, i);
        }
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, map.get(i, -i));
        }
    }

    @Test
    void negativeValuesAreRejected() {
        LongPairIntMap map = new LongPairIntMap(4);
        assertThrows(IllegalArgumentException.class, () -> map.put(1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> map.getOrPut(1, 1, -1));
    }
}
