package io.flowpol.samples;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Hands out pod IPs the way the AWS VPC CNI does in effect: secondary IPs of one of the node's
 * ENIs (DESIGN.md fact 13), from the node's subnet; an IP a pod released goes back to that
 * node's pool and, after the CNI's 30-second cool-down, is the first one handed out again (most
 * recently released first). That is what makes an IP of one workload reappear minutes later on
 * a pod of another (DESIGN.md fact 6). Records each such reuse.
 */
final class IpAllocator {
    /** aws-vpc-cni ipamd keeps a released IP out of use for 30 s (IP_COOLDOWN_PERIOD). */
    static final Duration COOLDOWN = Duration.ofSeconds(30);
    /** m5.large: 10 IPv4 addresses per ENI, one of them the ENI's primary. */
    static final int SECONDARY_IPS_PER_ENI = 9;

    private record Released(int ip, Eni eni, Instant at, PodPlan by) {
    }

    private final SplittableRandom random;
    private final Set<Integer> taken = new HashSet<>();
    private final Map<String, Deque<Released>> pools = new HashMap<>();
    private final Map<String, Integer> inUse = new HashMap<>();
    private final List<IpReuse> reuses = new ArrayList<>();

    IpAllocator(SplittableRandom random, Iterable<Integer> reserved) {
        this.random = random;
        reserved.forEach(taken::add);
    }

    /** Any unused host address in a /24 subnet; AWS reserves .0–.3 and .255. */
    int fresh(int subnetBase) {
        while (true) {
            int candidate = subnetBase | (4 + random.nextInt(250));
            if (taken.add(candidate)) {
                return candidate;
            }
        }
    }

    /** The pod with an IP of one of its node's ENIs: a released one first, else a fresh one. */
    PodPlan allocate(PodPlan pod, Instant at) {
        Deque<Released> pool = pools.computeIfAbsent(pod.node().name(), n -> new ArrayDeque<>());
        for (Iterator<Released> it = pool.iterator(); it.hasNext(); ) {
            Released r = it.next();
            if (!r.at().plus(COOLDOWN).isAfter(at)) {
                it.remove();
                reuses.add(new IpReuse(Ids.ip(r.ip()), r.by().name(), r.by().workload().key(), r.at(), pod.name(),
                        pod.workload().key(), at));
                inUse.merge(r.eni().id(), 1, Integer::sum);
                return pod.withIp(r.ip(), r.eni());
            }
        }
        Eni eni = pickEni(pod.node());
        inUse.merge(eni.id(), 1, Integer::sum);
        return pod.withIp(fresh(eni.primaryIp() & 0xFFFFFF00), eni);
    }

    /**
     * A node of one ENI uses it (no draw: the demo stays byte-identical); otherwise any ENI with a
     * free secondary IP, so that pods land on every ENI, as they do once eth0's pool ran out.
     */
    private Eni pickEni(NodePlan node) {
        List<Eni> enis = node.enis();
        if (enis.size() == 1) {
            return enis.get(0);
        }
        List<Eni> free = new ArrayList<>();
        for (Eni e : enis) {
            if (inUse.getOrDefault(e.id(), 0) < SECONDARY_IPS_PER_ENI) {
                free.add(e);
            }
        }
        if (free.isEmpty()) {
            throw new IllegalStateException("node " + node.name() + " has no free secondary IP");
        }
        return free.get(random.nextInt(free.size()));
    }

    void release(PodPlan pod, Instant at) {
        inUse.merge(pod.eni().id(), -1, Integer::sum);
        pools.computeIfAbsent(pod.node().name(), n -> new ArrayDeque<>())
                .addFirst(new Released(pod.ip(), pod.eni(), at, pod));
    }

    List<IpReuse> reuses() {
        return List.copyOf(reuses);
    }
}
