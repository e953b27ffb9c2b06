package io.flowpol.bench;

/**
 * One timed stage.
 *
 * @param stage what ran
 * @param threads 1 or 2 (see {@link io.flowpol.ingest.flowlog.PipelinedFlowLogReader})
 * @param records records the reader passed on
 * @param bytes text bytes read (after decompression)
 * @param wallNanos wall time of the stage
 * @param cpuNanos CPU time of the whole process during the stage (all threads, GC and JIT included):
 *     on a shared machine it shows the work done, which wall time hides
 * @param peakHeapMb the heap pools' peak use during the stage
 * @param retainedHeapMb heap in use after a GC at the end of the stage, its state still reachable
 * @param edges edges learned (full pipeline only, else -1)
 */
public record StageResult(Stage stage, int threads, long records, long bytes, long wallNanos, long cpuNanos,
                          long peakHeapMb, long retainedHeapMb, long edges) {

    public double seconds() {
        return wallNanos / 1e9;
    }

    public double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    public double recordsPerSecond() {
        return records / seconds();
    }

    public double megabytesPerSecond() {
        return bytes / 1e6 / seconds();
    }
}
