package io.flowpol.inference.resolve;

/**
 * An open-addressing map from {@code long} to non-negative {@code int}, linear probing, no
 * boxing: the per-record lookups of resolution and aggregation must not allocate (STYLE.md
 * habit 5). {@link #get} returns -1 when absent. No removal: callers only ever add.
 *
 * <p>A key and its value sit side by side in one array (the value -1 marks an empty entry), so
 * a lookup reads one cache line rather than one per array; resolution and orientation make
 * several lookups per record (issue 7).
 */
public final class LongIntMap {
    private static final long EMPTY = -1L;

    private long[] table;
    private int size;
    private int mask;

    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        table = new long[capacity * 2];
        for (int i = 1; i < table.length; i += 2) {
            table[i] = EMPTY;
        }
        mask = capacity - 1;
    }

    static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    public int get(long key) {
        long[] t = table;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long value = t[2 * i + 1];
            if (value == EMPTY || t[2 * i] == key) {
                return (int) value;
            }
        }
    }

    public void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("value < 0: " + value);
        }
        if ((size + 1) * 2 > mask + 1) {
            grow();
        }
        long[] t = table;
        int i = mix(key) & mask;
        while (t[2 * i + 1] != EMPTY) {
            if (t[2 * i] == key) {
                t[2 * i + 1] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        t[2 * i] = key;
        t[2 * i + 1] = value;
        size++;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] old = table;
        allocate((mask + 1) * 2);
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != EMPTY) {
                put(old[i], (int) old[i + 1]);
            }
        }
    }

    @Override
    public String toString() {
        return "LongIntMap[size=" + size + ", capacity=" + (mask + 1) + "]";
    }
}
