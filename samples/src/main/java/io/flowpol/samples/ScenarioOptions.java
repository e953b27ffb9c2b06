package io.flowpol.samples;

import java.time.Duration;
import java.time.Instant;

/**
 * What to simulate: the seed every identifier, address and timestamp derives from, the
 * learning window, the traffic density and an optional cap on flow-log records (for
 * benchmarks that want a fixed amount of input).
 *
 * @param seed                 drives every random choice; the same seed gives byte-identical output
 * @param start                first instant of the window; recording and flow logs start here
 * @param window               length of the learning window, at least 20 minutes so the scenario's
 *                             churn (rolling update, IP reuse, two CronJob runs) fits in it
 * @param connectionsPerMinute new short-lived connections per minute across the cluster
 * @param maxRecords           stop after this many flow-log records; 0 means the whole window
 * @param enisPerNode          ENIs per Linux node (DESIGN.md fact 13): 1 is the demo; 3 is an m5.large,
 *                             whose pods get secondary IPs of any of its ENIs (9 each besides the primary)
 * @param extraWorkloads       synthetic Deployments added to the shop's catalogue, calling each other,
 *                             on as many extra nodes as they need (0 is the demo)
 * @param externalSnat         {@code AWS_VPC_K8S_CNI_EXTERNALSNAT=true}: pods reach the internet with their own
 *                             address through a NAT gateway, whose ENI records them too (false is the demo: the
 *                             node translates, DESIGN.md fact 3)
 * @param reschedules          churn on top of the rollout and CronJob runs: this many times, spread over the
 *                             window, a pod of a shop Deployment is evicted and replaced on another node
 *                             (0 is the demo); SNAT candidate sets then change over the day (issue 14)
 */
public record ScenarioOptions(long seed, Instant start, Duration window, int connectionsPerMinute, long maxRecords,
        int enisPerNode, int extraWorkloads, boolean externalSnat, int reschedules) {

    /** The committed demo: seed 7, 2026-11-30T10:00:00Z, two hours. */
    public static final long DEFAULT_SEED = 7;
    public static final Instant DEFAULT_START = Instant.parse("2026-11-30T10:00:00Z");
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(2);
    /** Gives a few tens of thousands of records over two hours, under 5 MB gzipped in total. */
    public static final int DEFAULT_DENSITY = 50;
    /** m5.large and most mid-size types attach at most 3 ENIs; the largest types 15. */
    public static final int MAX_ENIS_PER_NODE = 15;
    public static final int MAX_EXTRA_WORKLOADS = 1000;
    public static final int MAX_RESCHEDULES = 1000;

    public ScenarioOptions {
        if (start == null) {
            throw new IllegalArgumentException("start == null");
        }
        if (start.getNano() != 0 || start.getEpochSecond() % 60 != 0) {
            throw new IllegalArgumentException("start must be a whole minute: " + start);
        }
        if (window == null || window.compareTo(Duration.ofMinutes(20)) < 0) {
            throw new IllegalArgumentException("window must be at least 20 minutes: " + window);
        }
        if (window.getSeconds() % 60 != 0 || window.getNano() != 0) {
            throw new IllegalArgumentException("window must be whole minutes: " + window);
        }
        if (connectionsPerMinute < 1) {
            throw new IllegalArgumentException("connectionsPerMinute < 1: " + connectionsPerMinute);
        }
        if (maxRecords < 0) {
            throw new IllegalArgumentException("maxRecords < 0: " + maxRecords);
        }
        if (enisPerNode < 1 || enisPerNode > MAX_ENIS_PER_NODE) {
            throw new IllegalArgumentException("enisPerNode must be 1 to " + MAX_ENIS_PER_NODE + ": " + enisPerNode);
        }
        if (extraWorkloads < 0 || extraWorkloads > MAX_EXTRA_WORKLOADS) {
            throw new IllegalArgumentException("extraWorkloads must be 0 to " + MAX_EXTRA_WORKLOADS + ": "
                    + extraWorkloads);
        }
        if (reschedules < 0 || reschedules > MAX_RESCHEDULES) {
            throw new IllegalArgumentException("reschedules must be 0 to " + MAX_RESCHEDULES + ": " + reschedules);
        }
    }

    /** No rescheduling beyond the demo's churn. */
    public ScenarioOptions(long seed, Instant start, Duration window, int connectionsPerMinute, long maxRecords,
            int enisPerNode, int extraWorkloads, boolean externalSnat) {
        this(seed, start, window, connectionsPerMinute, maxRecords, enisPerNode, extraWorkloads, externalSnat, 0);
    }

    /** Node SNAT, as the VPC CNI does by default. */
    public ScenarioOptions(long seed, Instant start, Duration window, int connectionsPerMinute, long maxRecords,
            int enisPerNode, int extraWorkloads) {
        this(seed, start, window, connectionsPerMinute, maxRecords, enisPerNode, extraWorkloads, false);
    }

    /** The demo's shape: one ENI per node, the shop's twelve workloads. */
    public ScenarioOptions(long seed, Instant start, Duration window, int connectionsPerMinute, long maxRecords) {
        this(seed, start, window, connectionsPerMinute, maxRecords, 1, 0);
    }

    public static ScenarioOptions defaults() {
        return new ScenarioOptions(DEFAULT_SEED, DEFAULT_START, DEFAULT_WINDOW, DEFAULT_DENSITY, 0);
    }

    public ScenarioOptions withSeed(long newSeed) {
        return new ScenarioOptions(newSeed, start, window, connectionsPerMinute, maxRecords, enisPerNode,
                extraWorkloads, externalSnat, reschedules);
    }

    /** The same scenario on nodes of {@code enis} ENIs with {@code extra} synthetic workloads. */
    public ScenarioOptions withShape(int enis, int extra) {
        return new ScenarioOptions(seed, start, window, connectionsPerMinute, maxRecords, enis, extra, externalSnat,
                reschedules);
    }

    /** The same scenario with external SNAT on or off (issue 14 item 5). */
    public ScenarioOptions withExternalSnat(boolean on) {
        return new ScenarioOptions(seed, start, window, connectionsPerMinute, maxRecords, enisPerNode, extraWorkloads,
                on, reschedules);
    }

    /** The same scenario with {@code count} pods rescheduled over the window (issue 14: churn). */
    public ScenarioOptions withReschedules(int count) {
        return new ScenarioOptions(seed, start, window, connectionsPerMinute, maxRecords, enisPerNode, extraWorkloads,
                externalSnat, count);
    }

    /** Whole minutes in the window: one flow-log aggregation interval each. */
    public int minutes() {
        return (int) window.toMinutes();
    }

    public Instant end() {
        return start.plus(window);
    }
}
