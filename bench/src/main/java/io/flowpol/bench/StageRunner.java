package io.flowpol.bench;

import io.flowpol.inference.FlowInference;
import io.flowpol.inference.InferenceOptions;
import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.ingest.flowlog.FlowLogOptions;
import io.flowpol.ingest.flowlog.FlowLogStats;
import io.flowpol.ingest.flowlog.PipelinedFlowLogReader;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one {@link Stage} over the bench input with the real reader and inference classes and
 * measures it: wall time, records and bytes from the reader's own statistics, heap from a
 * {@link HeapProbe}.
 */
public final class StageRunner {
    private final List<Path> flowLogs;
    private final ClusterTimeline cluster;
    private final int threads;
    private final HeapProbe heap = new HeapProbe();

    public StageRunner(List<Path> flowLogs, ClusterTimeline cluster, int threads) {
        this.flowLogs = List.copyOf(flowLogs);
        this.cluster = cluster;
        this.threads = threads;
    }

    public StageResult run(Stage stage) {
        heap.reset();
        long cpu = HeapProbe.processCpuNanos();
        long began = System.nanoTime();
        FlowLogStats stats;
        Object state;
        long edges = -1;
        switch (stage) {
            case PARSE -> {
                long[] count = new long[1];
                stats = read((FlowRecord r) -> count[0]++);
                state = count;
            }
            case RESOLVE -> {
                ResolveOrientSink sink = new ResolveOrientSink(cluster, InferenceOptions.defaults());
                stats = read(sink);
                state = sink;
            }
            case FULL -> {
                Learned learned = infer();
                stats = learned.stats();
                edges = learned.result().edges().size();
                state = learned;
            }
            default -> throw new IllegalArgumentException("stage " + stage);
        }
        long nanos = System.nanoTime() - began;
        long cpuNanos = HeapProbe.processCpuNanos() - cpu;
        long peak = heap.peakMb();
        long retained = heap.retainedMb();
        // What the stage built stays reachable until the retained heap is measured.
        Reference.reachabilityFence(state);
        return new StageResult(stage, threads, stats.records(), stats.bytes(), nanos, cpuNanos, peak, retained, edges);
    }

    /** The whole pipeline as {@code generate} runs it: reader (1 or 2 threads) into inference, then finish. */
    public Learned infer() {
        FlowInference inference = new FlowInference(cluster, InferenceOptions.defaults());
        FlowLogStats stats = read(inference);
        return new Learned(stats, inference.finish());
    }

    /** The reader's statistics and what inference learned from the records. */
    public record Learned(FlowLogStats stats, InferenceResult result) {
    }

    private FlowLogStats read(FlowSink sink) {
        return new PipelinedFlowLogReader(FlowLogOptions.DEFAULTS, threads).read(flowLogs, sink);
    }
}
