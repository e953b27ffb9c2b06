package io.flowpol.inference.synthesize;

import java.util.Set;
import java.util.TreeSet;

/**
 * How synthesis trades precision for noise.
 *
 * @param minConnections edges backed by fewer connections get no rule and are listed as left out
 * @param externalPrefixV4 prefix length that external IPv4 peers are widened to (32 = exact,
 *     {@code --aggregate-external})
 * @param externalPrefixV6 the same for IPv6 peers (128 = exact)
 * @param excludedNamespaces namespaces that get no policy; egress into them is still allowed
 * @param snatEgress egress seen only as node to external (SNAT, DESIGN.md fact 3) is allowed to that
 *     destination and port for every workload that had a pod on the node at a connection's time — a
 *     superset of the real sender, never a guess of one — or for its certain and common candidates
 *     only, or left to the report alone ({@link SnatEgressMode})
 * @param internetClientsThreshold a port of a workload reached directly by more distinct public
 *     addresses than this gets one rule for all of them ({@link InternetClients}); 0 turns that off
 * @param loadBalancerSourceRangesMax a LoadBalancer Service whose clients come from at most this many
 *     ranges gets a {@code loadBalancerSourceRanges} patch ({@link SourceRanges}); 0 turns that off
 * @param clientNetworks that rule allows the clients' /24 (/48) networks however many there are,
 *     never every address unless they outgrew the per-port network limit ({@code --aggregate-external
 *     per-network}); otherwise every address once there are more than 16 networks
 */
public record SynthesisOptions(int minConnections, int externalPrefixV4, int externalPrefixV6,
                               Set<String> excludedNamespaces, SnatEgressMode snatEgress,
                               int internetClientsThreshold, int loadBalancerSourceRangesMax,
                               boolean clientNetworks) {

    /**
     * "A few CIDRs" (an office range, a CDN, a partner): at most this many ranges make a
     * {@code loadBalancerSourceRanges} patch; more are reported, not written (issue 11 item 3).
     */
    public static final int DEFAULT_LOAD_BALANCER_SOURCE_RANGES_MAX = 4;

    /** More distinct public clients of one port than this make it internet-facing (issue 19 item 3). */
    public static final int DEFAULT_INTERNET_CLIENTS_THRESHOLD = 256;

    /** The control-plane namespaces of every cluster; policies there break the cluster itself. */
    public static final Set<String> DEFAULT_EXCLUDED = Set.of("kube-system", "kube-public", "kube-node-lease");

    public SynthesisOptions {
        if (minConnections < 0) {
            throw new IllegalArgumentException("minConnections < 0: " + minConnections);
        }
        if (externalPrefixV4 < 0 || externalPrefixV4 > 32) {
            throw new IllegalArgumentException("externalPrefixV4 out of range 0-32: " + externalPrefixV4);
        }
        if (externalPrefixV6 < 0 || externalPrefixV6 > 128) {
            throw new IllegalArgumentException("externalPrefixV6 out of range 0-128: " + externalPrefixV6);
        }
        if (internetClientsThreshold < 0) {
            throw new IllegalArgumentException("internetClientsThreshold < 0: " + internetClientsThreshold);
        }
        if (loadBalancerSourceRangesMax < 0) {
            throw new IllegalArgumentException("loadBalancerSourceRangesMax < 0: " + loadBalancerSourceRangesMax);
        }
        snatEgress = snatEgress == null ? SnatEgressMode.ALLOW_CANDIDATES : snatEgress;
        excludedNamespaces = excludedNamespaces == null ? Set.of()
                : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(excludedNamespaces));
    }

    /** SNAT-hidden egress allowed for its candidate workloads (the safe default). */
    public SynthesisOptions(int minConnections, int externalPrefixV4, int externalPrefixV6, Set<String> excludedNamespaces) {
        this(minConnections, externalPrefixV4, externalPrefixV6, excludedNamespaces, SnatEgressMode.ALLOW_CANDIDATES);
    }

    /** Internet-facing ports summarised above the default threshold. */
    public SynthesisOptions(int minConnections, int externalPrefixV4, int externalPrefixV6, Set<String> excludedNamespaces,
                            SnatEgressMode snatEgress) {
        this(minConnections, externalPrefixV4, externalPrefixV6, excludedNamespaces, snatEgress,
                DEFAULT_INTERNET_CLIENTS_THRESHOLD);
    }

    /** {@code loadBalancerSourceRanges} patches for at most the default number of ranges; client addresses exact. */
    public SynthesisOptions(int minConnections, int externalPrefixV4, int externalPrefixV6, Set<String> excludedNamespaces,
                            SnatEgressMode snatEgress, int internetClientsThreshold) {
        this(minConnections, externalPrefixV4, externalPrefixV6, excludedNamespaces, snatEgress,
                internetClientsThreshold, DEFAULT_LOAD_BALANCER_SOURCE_RANGES_MAX, false);
    }

    /** Client addresses of an internet-facing port exact beyond 16 networks. */
    public SynthesisOptions(int minConnections, int externalPrefixV4, int externalPrefixV6, Set<String> excludedNamespaces,
                            SnatEgressMode snatEgress, int internetClientsThreshold, int loadBalancerSourceRangesMax) {
        this(minConnections, externalPrefixV4, externalPrefixV6, excludedNamespaces, snatEgress,
                internetClientsThreshold, loadBalancerSourceRangesMax, false);
    }

    /** {@code loadBalancerSourceRanges} patches for at most the default number of ranges. */
    public SynthesisOptions(int minConnections, int externalPrefixV4, int externalPrefixV6, Set<String> excludedNamespaces,
                            SnatEgressMode snatEgress, int internetClientsThreshold, boolean clientNetworks) {
        this(minConnections, externalPrefixV4, externalPrefixV6, excludedNamespaces, snatEgress,
                internetClientsThreshold, DEFAULT_LOAD_BALANCER_SOURCE_RANGES_MAX, clientNetworks);
    }

    /** Any rule at all for SNAT-hidden egress. */
    public boolean allowSnatCandidates() {
        return snatEgress != SnatEgressMode.REPORT_ONLY;
    }

    /** One connection is enough, externals exact, the three control-plane namespaces excluded. */
    public static SynthesisOptions defaults() {
        return new SynthesisOptions(1, 32, 128, DEFAULT_EXCLUDED);
    }

    public boolean excluded(String namespace) {
        return excludedNamespaces.contains(namespace);
    }
}
