package io.flowpol.inference.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlotIndexTest {
    private final ConnectionSlots slots = new ConnectionSlots();

    private int slotFor(long a, long b) {
        return slots.allocate(a, b, 0);
    }

    @Test
    void findsInsertedKeysAndNotOthers() {
        SlotIndex index = new SlotIndex(4);
        int s = slotFor(1, 2);
        index.insert(SlotIndex.hash(1, 2), s);
        assertEquals(s, index.find(SlotIndex.hash(1, 2), 1, 2, slots));
        assertEquals(-1, index.find(SlotIndex.hash(2, 1), 2, 1, slots));
        assertEquals(1, index.size());
    }

    @Test
    void keysWithEqualHashesStayDistinct() {
        SlotIndex index = new SlotIndex(4);
        int first = slotFor(10, 20);
        int second = slotFor(30, 40);
        index.insert(5, first);
        index.insert(5, second);
        assertEquals(first, index.find(5, 10, 20, slots));
        assertEquals(second, index.find(5, 30, 40, slots));
        assertEquals(-1, index.find(5, 10, 40, slots));
    }

    @Test
    void removalAtTheTableEndKeepsChainsThatWrappedToTheStartReachable() {
        // Capacity 8: hashes 7, 15 and 23 all start probing at index 7, so the second and
        // third entries wrap around to indices 0 and 1; removing the first must shift them back.
        SlotIndex index = new SlotIndex(4);
        int a = slotFor(1, 1);
        int b = slotFor(2, 2);
        int c = slotFor(3, 3);
        index.insert(7, a);
        index.insert(15, b);
        index.insert(23, c);
        index.remove(7, a);
        assertEquals(-1, index.find(7, 1, 1, slots));
        assertEquals(b, index.find(15, 2, 2, slots));
        assertEquals(c, index.find(23, 3, 3, slots));
        index.remove(23, c);
        assertEquals(b, index.find(15, 2, 2, slots));
        assertEquals(1, index.size());
    }

    @Test
    void removingAnAbsentSlotChangesNothing() {
        SlotIndex index = new SlotIndex(4);
        int a = slotFor(1, 1);
        index.insert(3, a);
        index.remove(3, a + 1);
        index.remove(4, a);
        assertEquals(a, index.find(3, 1, 1, slots));
        assertEquals(1, index.size());
    }

    @Test
    void agreesWithHashMapUnderInsertRemoveAndGrowth() {
        SlotIndex index = new SlotIndex(4);
        Map<List<Long>, Integer> expected = new HashMap<>();
        List<List<Long>> live = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            if (!live.isEmpty() && random.nextInt(3) == 0) {
                List<Long> key = live.remove(random.nextInt(live.size()));
                int s = expected.remove(key);
                index.remove(SlotIndex.hash(key.get(0), key.get(1)), s);
                slots.free(s);
            } else {
                long a = random.nextInt(500);
                long b = random.nextInt(4);
                List<Long> key = List.of(a, b);
                if (!expected.containsKey(key)) {
                    int s = slots.allocate(a, b, 0);
                    index.insert(SlotIndex.hash(a, b), s);
                    expected.put(key, s);
                    live.add(key);
                }
            }
        }
        assertEquals(expected.size(), index.size());
        for (long a = 0; a < 500; a++) {
            for (long b = 0; b < 4; b++) {
                assertEquals(expected.getOrDefault(List.of(a, b), -1), index.find(SlotIndex.hash(a, b), a, b, slots));
            }
        }
    }
}
