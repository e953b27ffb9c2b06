package io.flowpol.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Heap use around one stage, from the JVM's own memory pools: a GC and a reset of every heap
 * pool's peak before the stage, then the sum of the pools' peaks (what the stage needed at most,
 * garbage not yet collected included) and the heap still in use after a GC while the stage's
 * state is reachable (what it retains: for the pipeline, the recording and the edges, issue 7).
 */
final class HeapProbe {
    private static final long MB = 1024 * 1024;
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
            .toList();

    /** Collects garbage and starts the peak over; call right before the stage. */
    void reset() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since {@link #reset()}, in MiB. */
    long peakMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            bytes += pool.getPeakUsage().getUsed();
        }
        return bytes / MB;
    }

    /** Heap in use after a GC, in MiB: what is still reachable (call while the stage's state is). */
    long retainedMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB;
    }

    /** CPU time of the whole process so far, all threads, in nanoseconds; -1 where the JVM does not tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
