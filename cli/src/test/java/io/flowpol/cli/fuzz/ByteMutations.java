package io.flowpol.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Edits that know nothing of the format: bit flips, control bytes, truncation, cut and repeated ranges. */
final class ByteMutations {
    private ByteMutations() {
    }

    record Flip(int at, int bit) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            byte[] out = in.clone();
            int i = Math.min(Mutation.scaled(at, in.length), in.length - 1);
            out[i] ^= (byte) (1 << bit);
            return out;
        }
    }

    record Overwrite(int at, Snippet snippet) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            byte[] s = snippet.bytes();
            int i = Mutation.scaled(at, in.length);
            byte[] out = Arrays.copyOf(in, Math.max(in.length, i + s.length));
            System.arraycopy(s, 0, out, i, s.length);
            return out;
        }
    }

    record Insert(int at, Snippet snippet) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return splice(in, Mutation.scaled(at, in.length), 0, snippet.bytes());
        }
    }

    record Truncate(int at) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return Arrays.copyOf(in, Mutation.scaled(at, in.length));
        }
    }

    record DeleteRange(int at, int length) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            int i = Mutation.scaled(at, in.length);
            return splice(in, i, Math.min(length, in.length - i), new byte[0]);
        }
    }

    /** The range repeated {@code times} more times where it stands. */
    record RepeatRange(int at, int length, int times) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            int i = Mutation.scaled(at, in.length);
            byte[] range = Arrays.copyOfRange(in, i, Math.min(in.length, i + length));
            ByteArrayOutputStream repeated = new ByteArrayOutputStream();
            for (int t = 0; t < times; t++) {
                repeated.writeBytes(range);
            }
            return splice(in, i, 0, repeated.toByteArray());
        }
    }

    static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
        byte[] out = new byte[in.length - remove + insert.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
        return out;
    }

    static Gen<Integer> position() {
        return Gen.between(0, 10_000);
    }

    static Gen<Mutation> any() {
        Gen<Integer> at = position();
        return Gen.oneOf(
                r -> new Flip(at.next(r), r.nextInt(8)),
                r -> new Overwrite(at.next(r), Gen.of(Snippet.class).next(r)),
                r -> new Insert(at.next(r), Gen.of(Snippet.class).next(r)),
                r -> new Truncate(at.next(r)),
                r -> new DeleteRange(at.next(r), r.nextInt(1, 4097)),
                r -> new RepeatRange(at.next(r), r.nextInt(1, 513), r.nextInt(1, 65)));
    }
}
