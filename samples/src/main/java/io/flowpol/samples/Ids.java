package io.flowpol.samples;

import java.util.SplittableRandom;

/**
 * Deterministic identifiers in the shapes AWS and Kubernetes use: {@code eni-} plus 17 hex
 * digits, 12-digit account ids, RFC 4122 uids, the 5-character pod-name suffixes of the
 * Kubernetes name generator. Each topic owns one instance seeded from the scenario seed, so
 * adding a draw in one place does not shift every other identifier.
 */
final class Ids {
    /** Kubernetes' name generator alphabet (apimachinery rand.String): no vowels, no 0/1/3. */
    private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SplittableRandom random;

    Ids(long seed, long topic) {
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + topic);
    }

    SplittableRandom random() {
        return random;
    }

    String hex(int digits) {
        char[] out = new char[digits];
        for (int i = 0; i < digits; i++) {
            out[i] = HEX[random.nextInt(16)];
        }
        return new String(out);
    }

    /** {@code eni-0a1b...}: current AWS resource ids carry 17 hex digits. */
    String aws(String prefix) {
        return prefix + "-0" + hex(16);
    }

    String account() {
        return (1 + random.nextInt(9)) + String.format("%011d", random.nextLong(100_000_000_000L));
    }

    String uid() {
        String h = hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-"
                + HEX[8 + random.nextInt(4)] + h.substring(17, 20) + "-" + h.substring(20);
    }

    String suffix(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length()));
        }
        return new String(out);
    }

    static String ip(int address) {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    static int ip(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }
}
