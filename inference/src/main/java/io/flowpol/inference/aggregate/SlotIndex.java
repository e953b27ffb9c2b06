package io.flowpol.inference.aggregate;

/**
 * The {@link ConnectionJoiner}'s key → slot index: open addressing with linear probing and
 * backward-shift deletion, whose entries hold only a key's hash and its slot number in one
 * {@code long} (8 bytes). The keys themselves stay in {@link ConnectionSlots}, read only when
 * a hash matches.
 *
 * <p>Why not a map holding the keys (issue 7): a connection inserts its key once and removes
 * it a horizon later, both at random places of a table sized by the live connections (tens of
 * thousands), so nearly every insert and remove missed the CPU caches. An index a third of
 * that size stays in cache; removal finds its entry by slot number, with no key compare.
 */
final class SlotIndex {
    private long[] table;
    private int size;
    private int mask;

    SlotIndex(int expected) {
        table = new long[Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1];
        mask = table.length - 1;
    }

    /** The hash of a key; callers pass it to the other methods so that it is computed once. */
    static int hash(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h = (h ^ (h >>> 32)) * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29));
    }

    /** The slot holding key (a, b), -1 when absent. */
    int find(int hash, long a, long b, ConnectionSlots slots) {
        long[] t = table;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long e = t[i];
            if (e == 0) {
                return -1;
            }
            int s = slot(e);
            if ((int) (e >>> 32) == hash && slots.keyA(s) == a && slots.keyB(s) == b) {
                return s;
            }
        }
    }

    /**
     * The table position of the next entry after {@code pos} (-1: from the start) of key (a, b)'s
     * probe chain whose slot holds that key and a time range meeting {@code [from, to]}; -1 at the
     * chain's end. Read its slot with {@link #slotAt}. v2 keys may hold several slots, one per
     * stretch of time (see {@link ConnectionJoiner}); sharing a hash, they sit on one chain.
     */
    int nextDuring(int hash, long a, long b, ConnectionSlots slots, long from, long to, int pos) {
        long[] t = table;
        for (int i = pos < 0 ? hash & mask : (pos + 1) & mask; ; i = (i + 1) & mask) {
            long e = t[i];
            if (e == 0) {
                return -1;
            }
            int s = slot(e);
            if ((int) (e >>> 32) == hash && slots.keyA(s) == a && slots.keyB(s) == b
                    && slots.first(s) <= to && slots.last(s) >= from) {
                return i;
            }
        }
    }

    /** The slot of the entry at a position {@link #nextDuring} returned. */
    int slotAt(int pos) {
        return slot(table[pos]);
    }

    /** Indexes a slot; slots of one key may be several (see {@link #findDuring}). */
    void insert(int hash, int slot) {
        if (slot < 0) {
            throw new IllegalArgumentException("slot < 0: " + slot);
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        place(table, mask, entry(hash, slot));
        size++;
    }

    /** Removes the entry of {@code slot}, whose key hashed to {@code hash}; absent is a no-op. */
    void remove(int hash, int slot) {
        long[] t = table;
        long wanted = entry(hash, slot);
        int i = hash & mask;
        while (t[i] != wanted) {
            if (t[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        t[i] = 0;
        size--;
        // Backward shift: move later entries of the probe chain into the hole when their
        // home does not lie cyclically in (hole, j], so that no chain is ever broken.
        for (int j = (i + 1) & mask; t[j] != 0; j = (j + 1) & mask) {
            int home = (int) (t[j] >>> 32) & mask;
            boolean stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!stays) {
                t[i] = t[j];
                t[j] = 0;
                i = j;
            }
        }
    }

    int size() {
        return size;
    }

    /** Slot + 1 in the low half, so that 0 marks an empty entry whatever the hash. */
    private static long entry(int hash, int slot) {
        return ((long) hash << 32) | (slot + 1L);
    }

    private static int slot(long entry) {
        return (int) entry - 1;
    }

    private static void place(long[] t, int mask, long entry) {
        int i = (int) (entry >>> 32) & mask;
        while (t[i] != 0) {
            i = (i + 1) & mask;
        }
        t[i] = entry;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = table.length - 1;
        for (long e : old) {
            if (e != 0) {
                place(table, mask, e);
            }
        }
    }
}
