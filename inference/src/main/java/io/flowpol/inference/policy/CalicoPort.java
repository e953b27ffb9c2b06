package io.flowpol.inference.policy;

/** A Calico port: a number ({@code first == last}), a range {@code first:last}, or a named port. */
public record CalicoPort(int first, int last, String name) {
    public CalicoPort {
        if (name == null && (first < 0 || last < first || last > 65535)) {
            throw new IllegalArgumentException("bad port range " + first + ":" + last);
        }
    }

    public static CalicoPort of(int port) {
        return new CalicoPort(port, port, null);
    }
}
