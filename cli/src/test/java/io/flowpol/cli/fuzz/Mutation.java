package io.flowpol.cli.fuzz;

/**
 * One edit of an input file's bytes. Every implementation is a record whose parameters are
 * generated from a seed ({@link Gen}), and whose {@code toString} therefore is the reproducer a failing try
 * prints: the demo file, the mutation list and the seed rebuild the exact input.
 */
interface Mutation {
    byte[] apply(byte[] input);

    /** Position {@code at} (0..10,000, basis points) scaled to {@code length}, shrinking toward the start. */
    static int scaled(int at, int length) {
        return (int) ((long) length * at / 10_000);
    }

    /** Applies {@code mutations} in order. */
    static byte[] applyAll(byte[] input, Iterable<? extends Mutation> mutations) {
        byte[] bytes = input;
        for (Mutation m : mutations) {
            bytes = m.apply(bytes);
        }
        return bytes;
    }
}
