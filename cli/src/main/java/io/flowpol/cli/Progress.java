package io.flowpol.cli;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import java.io.PrintWriter;

/**
 * Progress of a long read on stderr: a rewritten line on a terminal, nothing otherwise (logs of a
 * bot stay clean). Wraps the sink so the hot loop pays one counter increment and a mask test.
 */
final class Progress implements FlowSink {
    private static final long EVERY = (1 << 18) - 1;

    private final FlowSink next;
    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long records;
    private long lastPrint;

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
                double seconds = (now - started) / 1e9;
                err.printf("\rflowpol: %,d records, %,.0f records/s ", records, records / seconds);
                err.flush();
            }
        }
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
