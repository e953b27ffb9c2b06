package io.flowpol.cli.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Edits of lines and of space-separated fields: what a broken export, a hand edit or another
 * tool's output does to a flow log (and, at line level, to a recording). A line is chosen by an
 * index taken modulo the line count; line 0 of an S3 flow log is its header.
 */
final class LineMutations {
    private LineMutations() {
    }

    /** Applies {@code edit} to the chosen line; an input without lines is returned as it is. */
    private static byte[] onLine(byte[] in, int line, java.util.function.UnaryOperator<byte[]> edit) {
        Lines lines = Lines.of(in);
        int i = lines.index(line);
        if (i < 0) {
            return in;
        }
        lines.lines().set(i, edit.apply(lines.lines().get(i)));
        return lines.bytes();
    }

    private static byte[] onFields(byte[] in, int line, java.util.function.Consumer<List<byte[]>> edit) {
        return onLine(in, line, text -> {
            List<byte[]> fields = Lines.fields(text);
            edit.accept(fields);
            return Lines.joinFields(fields, (byte) ' ');
        });
    }

    record DeleteLine(int line) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            Lines lines = Lines.of(in);
            int i = lines.index(line);
            if (i >= 0) {
                lines.lines().remove(i);
            }
            return lines.bytes();
        }
    }

    record DuplicateLine(int line, int times) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            Lines lines = Lines.of(in);
            int i = lines.index(line);
            if (i >= 0) {
                lines.lines().addAll(i, Collections.nCopies(times, lines.lines().get(i)));
            }
            return lines.bytes();
        }
    }

    record SwapLines(int line, int other) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            Lines lines = Lines.of(in);
            if (!lines.lines().isEmpty()) {
                Collections.swap(lines.lines(), lines.index(line), lines.index(other));
            }
            return lines.bytes();
        }
    }

    /** The line and the next one become one line (a lost newline). */
    record JoinWithNext(int line) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            Lines lines = Lines.of(in);
            int i = lines.index(line);
            if (i >= 0 && i + 1 < lines.lines().size()) {
                byte[] a = lines.lines().get(i);
                byte[] b = lines.lines().remove(i + 1);
                byte[] joined = Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, joined, a.length, b.length);
                lines.lines().set(i, joined);
            }
            return lines.bytes();
        }
    }

    record SplitLine(int line, int at) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return onLine(in, line, text -> ByteMutations.splice(text, Mutation.scaled(at, text.length), 0, new byte[] {'\n'}));
        }
    }

    record InsertBlankLine(int line, boolean spaces) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            Lines lines = Lines.of(in);
            int i = Math.max(0, lines.index(line));
            lines.lines().add(i, spaces ? "  \t ".getBytes(java.nio.charset.StandardCharsets.US_ASCII) : new byte[0]);
            return lines.bytes();
        }
    }

    record CrlfEndings() implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            Lines lines = Lines.of(in);
            lines.lines().replaceAll(l -> ByteMutations.splice(l, l.length, 0, new byte[] {'\r'}));
            return lines.bytes();
        }
    }

    record DropFinalNewline() implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return in.length > 0 && in[in.length - 1] == '\n' ? Arrays.copyOf(in, in.length - 1) : in;
        }
    }

    /** The line grows by {@code kilobytes} KiB of one token: past any line buffer, well under 50 MB. */
    record LongLine(int line, int kilobytes) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            byte[] tail = new byte[kilobytes * 1024];
            Arrays.fill(tail, (byte) '7');
            return onLine(in, line, text -> ByteMutations.splice(text, text.length, 0, tail));
        }
    }

    record ReplaceField(int line, int field, FieldValue value) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return onFields(in, line, f -> f.set(Math.floorMod(field, f.size()), value.bytes()));
        }
    }

    /** Two fields exchanged: ports, addresses, start and end, action and status. */
    record SwapFields(int line, int field, int other) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return onFields(in, line, f -> Collections.swap(f, Math.floorMod(field, f.size()), Math.floorMod(other, f.size())));
        }
    }

    record DeleteField(int line, int field) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return onFields(in, line, f -> {
                if (f.size() > 1) {
                    f.remove(Math.floorMod(field, f.size()));
                }
            });
        }
    }

    record DuplicateField(int line, int field) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return onFields(in, line, f -> {
                int i = Math.floorMod(field, f.size());
                f.add(i, f.get(i));
            });
        }
    }

    /**
     * The field replaced on every {@code every}-th line after the first: a whole export of
     * another protocol, port or action, so both directions of a connection change together
     * (one edited line alone stays an unanswered attempt).
     */
    record ReplaceColumn(int field, FieldValue value, int every) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            Lines lines = Lines.of(in);
            for (int i = 1; i < lines.lines().size(); i += every) {
                List<byte[]> fields = Lines.fields(lines.lines().get(i));
                fields.set(Math.floorMod(field, fields.size()), value.bytes());
                lines.lines().set(i, Lines.joinFields(fields, (byte) ' '));
            }
            return lines.bytes();
        }
    }

    /** The line's fields separated by tabs or by two spaces instead of one. */
    record Separators(int line, boolean tabs) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return onLine(in, line, text -> {
                List<byte[]> fields = new ArrayList<>(Lines.fields(text));
                if (tabs) {
                    return Lines.joinFields(fields, (byte) '\t');
                }
                fields.replaceAll(b -> ByteMutations.splice(b, b.length, 0, new byte[] {' '}));
                return Lines.joinFields(fields, (byte) ' ');
            });
        }
    }

    /** A line index; one in four is line 0 (the header of an S3 flow log, the first event of a recording). */
    static Gen<Integer> line() {
        return Gen.weighted(1, r -> 0, 3, Gen.between(0, 100_000));
    }

    static Gen<Integer> field() {
        return Gen.between(0, 40);
    }

    /** Line-level edits only: also meaningful for JSON Lines. */
    static Gen<Mutation> lines() {
        Gen<Integer> line = line();
        return Gen.oneOf(
                r -> new DeleteLine(line.next(r)),
                r -> new DuplicateLine(line.next(r), r.nextInt(1, 2001)),
                r -> new SwapLines(line.next(r), line.next(r)),
                r -> new JoinWithNext(line.next(r)),
                r -> new SplitLine(line.next(r), ByteMutations.position().next(r)),
                r -> new InsertBlankLine(line.next(r), r.nextBoolean()),
                r -> new CrlfEndings(),
                r -> new DropFinalNewline(),
                r -> new LongLine(line.next(r), r.nextInt(1, 1025)));
    }

    /** Line- and field-level edits of a flow log; field edits twice as often as line edits. */
    static Gen<Mutation> flowLog() {
        Gen<Integer> line = line();
        Gen<Integer> field = field();
        Gen<FieldValue> value = Gen.of(FieldValue.class);
        return Gen.oneOf(
                lines(),
                r -> new ReplaceField(line.next(r), field.next(r), value.next(r)),
                r -> new ReplaceField(line.next(r), field.next(r), value.next(r)),
                r -> new SwapFields(line.next(r), field.next(r), field.next(r)),
                r -> new ReplaceColumn(field.next(r), value.next(r), r.nextInt(1, 4)),
                r -> new DeleteField(line.next(r), field.next(r)),
                r -> new DuplicateField(line.next(r), field.next(r)),
                r -> new Separators(line.next(r), r.nextBoolean()));
    }
}
