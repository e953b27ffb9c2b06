package io.flowpol.ingest.flowlog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Flow-log text for reader tests: lines whose every field differs from line to line (so a
 * reordering or a lost copy shows), in a v5 custom format with a header, with the irregular
 * lines real files have at chosen places.
 */
final class FlowLogText {
    /** A custom format (DESIGN.md fact 8) with one column this code does not know. */
    static final String HEADER = "version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start"
            + " end action log-status tcp-flags pkt-srcaddr pkt-dstaddr flow-direction traffic-path az-id future-field";

    private final StringBuilder text = new StringBuilder();

    FlowLogText header() {
        text.append(HEADER).append('\n');
        return this;
    }

    /** Record {@code i}: OK, NODATA (every 89th) or SKIPDATA (every 211th); CRLF on every 5th. */
    FlowLogText record(int i) {
        long start = 1_700_000_000L + i;
        if (i % 89 == 3 || i % 211 == 5) {
            text.append("5 eni-").append(i % 29).append(" - - - - - - - ").append(start).append(' ').append(start + 60)
                    .append(i % 89 == 3 ? " - NODATA" : " - SKIPDATA").append(" - - - - - - -");
        } else {
            text.append("5 eni-").append(i % 13).append(" 10.0.").append(i % 250).append('.').append(i / 250 % 250)
                    .append(" 10.1.0.").append(i % 7).append(' ').append(32768 + i % 28000).append(' ')
                    .append(i % 3 == 0 ? 443 : 8080).append(" 6 ").append(i % 50 + 1).append(' ').append(i * 7L)
                    .append(' ').append(start).append(' ').append(start + 60)
                    .append(i % 17 == 0 ? " REJECT OK " : " ACCEPT OK ").append(i % 32).append(" 10.2.0.")
                    .append(i % 199).append(" 10.3.1.").append(i % 97).append(i % 2 == 0 ? " ingress " : " egress ")
                    .append(i % 8 + 1).append(" use1-az").append(i % 6).append(" x");
        }
        text.append(i % 5 == 0 ? "\r\n" : "\n");
        return this;
    }

    FlowLogText records(int from, int to) {
        for (int i = from; i < to; i++) {
            record(i);
        }
        return this;
    }

    FlowLogText line(String line) {
        text.append(line).append('\n');
        return this;
    }

    /** Text without a final line terminator, as a cut-off or hand-made file ends. */
    FlowLogText unterminated(String line) {
        text.append(line);
        return this;
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    byte[] gzip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
