package io.flowpol.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints {@link StageResult}s as one Markdown table, the form issue 7 and bench/README.md use. */
public final class BenchTable {
    private static final String HEADER =
            "| stage | threads | records | MB | wall s | CPU s | records/s | MB/s | peak heap MB | retained heap MB | edges |";
    private static final String RULE = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    private BenchTable() {
    }

    public static void print(List<StageResult> results, PrintWriter out) {
        out.println(HEADER);
        out.println(RULE);
        for (StageResult r : results) {
            out.println(row(r));
        }
        out.flush();
    }

    static String row(StageResult r) {
        return String.format(Locale.ROOT, "| %s | %d | %,d | %.0f | %.2f | %.2f | %,.0f | %.0f | %d | %d | %s |",
                r.stage().label(), r.threads(), r.records(), r.bytes() / 1e6, r.seconds(), r.cpuSeconds(), r.recordsPerSecond(),
                r.megabytesPerSecond(), r.peakHeapMb(), r.retainedHeapMb(), r.edges() < 0 ? "" : r.edges());
    }
}
