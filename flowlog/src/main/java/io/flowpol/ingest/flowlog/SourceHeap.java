package io.flowpol.ingest.flowlog;

import java.util.Arrays;

/**
 * A binary min-heap of file indexes by a primitive key, ties by index: the k-way merge of
 * {@link TimeOrderedFlowLogReader} keeps one entry per file (its next record's start), so a
 * record costs one sift over k entries and no allocation.
 */
final class SourceHeap {
    private int[] ids;
    private long[] keys;
    private int size;

    SourceHeap(int capacity) {
        ids = new int[Math.max(1, capacity)];
        keys = new long[Math.max(1, capacity)];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int topId() {
        return ids[0];
    }

    long topKey() {
        return keys[0];
    }

    void push(int id, long key) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(key, id, keys[parent], ids[parent])) {
                break;
            }
            ids[i] = ids[parent];
            keys[i] = keys[parent];
            i = parent;
        }
        ids[i] = id;
        keys[i] = key;
    }

    /** Gives the top entry a new key, larger or smaller: the top has no parent to compare with. */
    void updateTop(long key) {
        siftDown(ids[0], key);
    }

    void pop() {
        size--;
        if (size > 0) {
            siftDown(ids[size], keys[size]);
        }
    }

    private void siftDown(int id, long key) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(keys[right], ids[right], keys[child], ids[child])) {
                child = right;
            }
            if (!less(keys[child], ids[child], key, id)) {
                break;
            }
            ids[i] = ids[child];
            keys[i] = keys[child];
            i = child;
        }
        ids[i] = id;
        keys[i] = key;
    }

    private static boolean less(long keyA, int idA, long keyB, int idB) {
        return keyA < keyB || (keyA == keyB && idA < idB);
    }
}
