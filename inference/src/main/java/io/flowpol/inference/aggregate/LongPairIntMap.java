package io.flowpol.inference.aggregate;

/**
 * An open-addressing map from a pair of {@code long}s to a non-negative {@code int}, linear
 * probing with backward-shift deletion (no tombstones, so a map under steady insert and evict
 * keeps short probe chains). Used for packed join and edge keys without boxing.
 *
 * <p>Each entry is three adjacent longs: key a, key b, then the key's hash (high half) and the
 * value (low half, -1 when the entry is empty). A probe thus reads one cache line, not one per
 * array, and deletion and growth reuse the stored hash instead of rehashing (issue 7: the
 * joiner's live keys outgrow the CPU caches, so every probe of a key is a miss).
 */
final class LongPairIntMap {
    private static final int STRIDE = 3;
    private static final long EMPTY = -1L;

    private long[] table;
    private int size;
    private int mask;

    LongPairIntMap(int expected) {
        allocate(Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1);
    }

    private void allocate(int capacity) {
        table = new long[capacity * STRIDE];
        for (int i = 2; i < table.length; i += STRIDE) {
            table[i] = EMPTY;
        }
        mask = capacity - 1;
    }

    static int hash(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h = (h ^ (h >>> 32)) * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29));
    }

    private static boolean empty(long meta) {
        return (int) meta < 0;
    }

    /** The value for the pair, -1 when absent. */
    int get(long a, long b) {
        long meta = table[find(a, b, hash(a, b)) + 2];
        return empty(meta) ? -1 : (int) meta;
    }

    /** Maps the pair to {@code value} when it is absent and returns -1; else returns its value, unchanged. */
    int getOrPut(long a, long b, int value) {
        requireValue(value);
        int h = hash(a, b);
        int base = find(a, b, h);
        long meta = table[base + 2];
        if (!empty(meta)) {
            return (int) meta;
        }
        insert(base, a, b, h, value);
        return -1;
    }

    void put(long a, long b, int value) {
        requireValue(value);
        int h = hash(a, b);
        int base = find(a, b, h);
        if (empty(table[base + 2])) {
            insert(base, a, b, h, value);
        } else {
            set(base, a, b, h, value);
        }
    }

    /** Where the pair is, or the empty entry that ends its probe chain: the index of its first long. */
    private int find(long a, long b, int h) {
        long[] t = table;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int base = i * STRIDE;
            if (empty(t[base + 2]) || (t[base] == a && t[base + 1] == b)) {
                return base;
            }
        }
    }

    /** Fills the empty entry at {@code base}, growing first (and probing again) when the table is half full. */
    private void insert(int base, long a, long b, int h, int value) {
        if ((size + 1) * 2 > mask + 1) {
            grow();
            base = find(a, b, h);
        }
        set(base, a, b, h, value);
        size++;
    }

    private static void requireValue(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("value < 0: " + value);
        }
    }

    private void set(int base, long a, long b, int h, int value) {
        table[base] = a;
        table[base + 1] = b;
        table[base + 2] = ((long) h << 32) | value;
    }

    void remove(long a, long b) {
        long[] t = table;
        int i = hash(a, b) & mask;
        while (!empty(t[i * STRIDE + 2]) && (t[i * STRIDE] != a || t[i * STRIDE + 1] != b)) {
            i = (i + 1) & mask;
        }
        if (empty(t[i * STRIDE + 2])) {
            return;
        }
        t[i * STRIDE + 2] = EMPTY;
        size--;
        // Backward shift: move later entries of the probe chain into the hole when their
        // home slot does not lie cyclically in (hole, j].
        for (int j = (i + 1) & mask; !empty(t[j * STRIDE + 2]); j = (j + 1) & mask) {
            int home = (int) (t[j * STRIDE + 2] >>> 32) & mask;
            boolean stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!stays) {
                move(t, j * STRIDE, t, i * STRIDE);
                t[j * STRIDE + 2] = EMPTY;
                i = j;
            }
        }
    }

    private static void move(long[] from, int fromBase, long[] to, int toBase) {
        to[toBase] = from[fromBase];
        to[toBase + 1] = from[fromBase + 1];
        to[toBase + 2] = from[fromBase + 2];
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = table;
        allocate((mask + 1) * 2);
        long[] t = table;
        for (int base = 0; base < old.length; base += STRIDE) {
            long meta = old[base + 2];
            if (!empty(meta)) {
                int i = (int) (meta >>> 32) & mask;
                while (!empty(t[i * STRIDE + 2])) {
                    i = (i + 1) & mask;
                }
                move(old, base, t, i * STRIDE);
            }
        }
    }

    @Override
    public String toString() {
        return "LongPairIntMap[size=" + size + ", capacity=" + (mask + 1) + "]";
    }
}
