package io.flowpol.cli;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.ingest.flowlog.InputProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long read on stderr: a rewritten line on a terminal, nothing otherwise (logs of a
 * bot stay clean). Wraps the sink so the hot loop pays one counter increment and a mask test.
 * Over local files it also shows how much of their bytes is read, MB/s and an ETA (issue 7).
 */
final class Progress implements FlowSink {
    private static final long EVERY = (1 << 18) - 1;

    private final FlowSink next;
    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long records;
    private long lastPrint;
    /** Set when the input is local files of known size; read on the consuming thread only. */
    private InputProgress input;

    Progress(FlowSink next, PrintWriter err, boolean terminal) {
        this.next = next;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void accept(FlowRecord record) {
        next.accept(record);
        if ((++records & EVERY) == 0 && terminal) {
            long now = System.nanoTime();
            if (now - lastPrint > 500_000_000L) {
                lastPrint = now;
                InputProgress in = input;
                err.print("\r" + line(records, (now - started) / 1e9,
                        in == null ? 0 : in.bytesRead(), in == null ? 0 : in.totalBytes()));
                err.flush();
            }
        }
    }

    /** Adds bytes read, MB/s and an ETA to the line, from the readers of local files. */
    void watch(InputProgress progress) {
        this.input = progress;
    }

    /**
     * The progress text: records and records/s, and with a known input size also the share read,
     * MB/s and the time left at that rate.
     */
    static String line(long records, double seconds, long bytesRead, long totalBytes) {
        double perSecond = seconds > 0 ? records / seconds : 0;
        String counts = String.format(Locale.ROOT, "%,d records, %,.0f records/s", records, perSecond);
        if (totalBytes <= 0 || bytesRead <= 0 || seconds <= 0) {
            return "flowpol: " + counts + " ";
        }
        double bytesPerSecond = bytesRead / seconds;
        long left = Math.round((totalBytes - bytesRead) / bytesPerSecond);
        return String.format(Locale.ROOT, "flowpol: %d%% of %,d MB, %s, %,.0f MB/s, ETA %d:%02d ",
                bytesRead * 100 / totalBytes, totalBytes / 1_000_000, counts, bytesPerSecond / 1e6, left / 60, left % 60);
    }

    /** Clears the progress line, if one was printed. */
    void done() {
        if (terminal && lastPrint != 0) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    static boolean stderrIsTerminal() {
        return System.console() != null;
    }
}
