package io.flowpol.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Text as lines of bytes (split on LF only, so CR and invalid UTF-8 survive), and back. */
record Lines(List<byte[]> lines, boolean finalNewline) {

    static Lines of(byte[] in) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                lines.add(Arrays.copyOfRange(in, start, i));
                start = i + 1;
            }
        }
        boolean finalNewline = start == in.length && in.length > 0;
        if (start < in.length) {
            lines.add(Arrays.copyOfRange(in, start, in.length));
        }
        return new Lines(lines, finalNewline);
    }

    /** The line {@code choice} names (modulo the line count); -1 when there is none. */
    int index(int choice) {
        return lines.isEmpty() ? -1 : Math.floorMod(choice, lines.size());
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i));
            if (i < lines.size() - 1 || finalNewline) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /** Fields of a flow-log line: split on single spaces, as S3 delivery writes them. */
    static List<byte[]> fields(byte[] line) {
        List<byte[]> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length; i++) {
            if (i == line.length || line[i] == ' ') {
                fields.add(Arrays.copyOfRange(line, start, i));
                start = i + 1;
            }
        }
        return fields;
    }

    static byte[] joinFields(List<byte[]> fields, byte separator) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(separator);
            }
            out.writeBytes(fields.get(i));
        }
        return out.toByteArray();
    }
}
