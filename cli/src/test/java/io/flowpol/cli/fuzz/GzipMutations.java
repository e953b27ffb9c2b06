package io.flowpol.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Edits of a gzip stream (RFC 1952): header fields (magic, method, flags announcing extra
 * fields that are not there), the trailer's CRC-32 and ISIZE, and members appended after the
 * first (valid multi-member files, an empty member, garbage).
 */
final class GzipMutations {
    private GzipMutations() {
    }

    static byte[] gzip(byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Byte {@code index} (0..9) of the 10-byte member header gets {@code value}. */
    record HeaderByte(int index, int value) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            byte[] out = in.clone();
            if (index < out.length) {
                out[index] = (byte) value;
            }
            return out;
        }
    }

    /** FLG (byte 3) announces FTEXT/FHCRC/FEXTRA/FNAME/FCOMMENT parts the member does not have. */
    record Flags(int bits) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return new HeaderByte(3, bits).apply(in);
        }
    }

    /** One of the 8 trailer bytes (CRC-32, ISIZE) of the last member is XOR-ed with {@code mask}. */
    record TrailerByte(int index, int mask) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            byte[] out = in.clone();
            int i = out.length - 8 + index;
            if (i >= 0) {
                out[i] ^= (byte) mask;
            }
            return out;
        }
    }

    /** Another member follows: {@code lines} more flow-log lines (a valid multi-member file). */
    record AppendMember(String lines) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return concat(in, gzip(lines.getBytes(StandardCharsets.UTF_8)));
        }
    }

    record AppendGarbage(Snippet snippet, int times) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            byte[] s = snippet.bytes();
            byte[] garbage = new byte[s.length * times];
            for (int t = 0; t < times; t++) {
                System.arraycopy(s, 0, garbage, t * s.length, s.length);
            }
            return concat(in, garbage);
        }
    }

    /** A second header with nothing after it, or a gzip magic alone. */
    record AppendCutHeader(int length) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            byte[] header = gzip(new byte[0]);
            return concat(in, java.util.Arrays.copyOf(header, Math.min(length, header.length)));
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        return ByteMutations.splice(a, a.length, 0, b);
    }

    static Gen<Mutation> any(String validLines) {
        return Gen.oneOf(
                r -> new HeaderByte(r.nextInt(10), r.nextInt(256)),
                r -> new Flags(r.nextInt(1, 256)),
                r -> new TrailerByte(r.nextInt(8), r.nextInt(1, 256)),
                Gen.of(new AppendMember(validLines), new AppendMember(""), new AppendMember("\n")),
                r -> new AppendGarbage(Gen.of(Snippet.class).next(r), r.nextInt(1, 65)),
                r -> new AppendCutHeader(r.nextInt(1, 21)),
                ByteMutations.any());
    }
}
