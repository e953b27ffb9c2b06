package io.flowpol.inference.aggregate;

/**
 * An open-addressing map from a pair of {@code long}s to a non-negative {@code int}, linear
 * probing with backward-shift deletion (no tombstones, so a map under steady insert and evict
 * keeps short probe chains). Used for packed join and edge keys without boxing.
 */
final class LongPairIntMap {
    private long[] keysA;
    private long[] keysB;
    private int[] values;
    private int size;
    private int mask;

    LongPairIntMap(int expected) {
        allocate(Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1);
    }

    private void allocate(int capacity) {
        keysA = new long[capacity];
        keysB = new long[capacity];
        values = new int[capacity];
        java.util.Arrays.fill(values, -1);
        mask = capacity - 1;
    }

    private int slot(long a, long b) {
        long h = (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
        return (int) (h ^ (h >>> 29)) & mask;
    }

    /** The value for the pair, -1 when absent. */
    int get(long a, long b) {
        for (int i = slot(a, b); values[i] >= 0; i = (i + 1) & mask) {
            if (keysA[i] == a && keysB[i] == b) {
                return values[i];
            }
        }
        return -1;
    }

    void put(long a, long b, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("value < 0: " + value);
        }
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        int i = slot(a, b);
        for (; values[i] >= 0; i = (i + 1) & mask) {
            if (keysA[i] == a && keysB[i] == b) {
                values[i] = value;
                return;
            }
        }
        keysA[i] = a;
        keysB[i] = b;
        values[i] = value;
        size++;
    }

    void remove(long a, long b) {
        int i = slot(a, b);
        while (values[i] >= 0 && (keysA[i] != a || keysB[i] != b)) {
            i = (i + 1) & mask;
        }
        if (values[i] < 0) {
            return;
        }
        values[i] = -1;
        size--;
        // Backward shift: move later entries of the probe chain into the hole when their
        // home slot does not lie cyclically in (hole, j].
        for (int j = (i + 1) & mask; values[j] >= 0; j = (j + 1) & mask) {
            int home = slot(keysA[j], keysB[j]);
            boolean stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!stays) {
                keysA[i] = keysA[j];
                keysB[i] = keysB[j];
                values[i] = values[j];
                values[j] = -1;
                i = j;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldA = keysA;
        long[] oldB = keysB;
        int[] oldValues = values;
        allocate(oldValues.length * 2);
        size = 0;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] >= 0) {
                put(oldA[i], oldB[i], oldValues[i]);
            }
        }
    }
}
