package io.flowpol.inference.model;

/**
 * An inventory entry over {@code [from, to)} epoch millis: the address belonged to that ENI from
 * the first inventory snapshot that listed it until the first one that no longer did (issue 11
 * item 2: load-balancer and node ENIs come and go within a window). An inventory read from files
 * or once from the API has one span per address over all time.
 */
public record VpcAddressSpan(VpcAddress address, long from, long to) {
    public VpcAddressSpan {
        if (address == null) {
            throw new IllegalArgumentException("address == null");
        }
        if (to <= from) {
            throw new IllegalArgumentException("to <= from: " + to + " <= " + from);
        }
    }

    /** One span over all time. */
    public static VpcAddressSpan always(VpcAddress address) {
        return new VpcAddressSpan(address, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public boolean contains(long millis) {
        return millis >= from && millis < to;
    }
}
