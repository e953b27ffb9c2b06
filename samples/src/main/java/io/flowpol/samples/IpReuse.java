package io.flowpol.samples;

import java.time.Instant;

/** An IP address released by one pod and later handed to another (DESIGN.md fact 6). */
record IpReuse(String ip, String firstPod, String firstWorkload, Instant released, String secondPod,
        String secondWorkload, Instant acquired) {

    boolean acrossWorkloads() {
        return !firstWorkload.equals(secondWorkload);
    }
}
