package io.flowpol.inference.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
