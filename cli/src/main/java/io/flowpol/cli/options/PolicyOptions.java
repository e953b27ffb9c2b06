package io.flowpol.cli.options;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.synthesize.SnatEgressMode;
import io.flowpol.inference.synthesize.SynthesisOptions;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Option;

/** How learned edges become policies and how they are rendered; shared by generate and learn. */
public final class PolicyOptions {

    @Option(names = "--min-connections", paramLabel = "N", defaultValue = "1",
            description = "Leave out edges seen with fewer than N connections (listed in the report). "
                    + "Default: ${DEFAULT-VALUE}.")
    public int minConnections;

    @Option(names = "--aggregate-external", paramLabel = "MODE", defaultValue = "summary",
            description = "How connections to VPC and external addresses are counted and allowed. 'summary': each "
                    + "class of them (one workload port, one direction) is counted per address up to "
                    + "--internet-clients-threshold distinct addresses, beyond that per /24 (/48) network with exact totals "
                    + "and its top addresses, so memory and output do not grow with the number of clients; an "
                    + "internet-facing port is then one rule (0.0.0.0/0, or its networks when there are at most 16). "
                    + "'per-network': the same, but an internet-facing port allows its client networks however many. "
                    + "'per-address': every address counted and listed one by one (memory grows with them). '/N' "
                    + "(8-32): 'summary', with external IPv4 destinations widened to /N blocks. Default: ${DEFAULT-VALUE}.")
    public String aggregateExternal;

    @Option(names = "--internet-clients-threshold", paramLabel = "N", defaultValue = "256",
            description = "A workload port reached directly (load balancer with client IP preservation) by more than N "
                    + "distinct public addresses is internet-facing: one rule allows it from 0.0.0.0/0 (and ::/0), or from "
                    + "the client /24 (/48) networks when there are at most 16, commented with the client count and top "
                    + "networks; the report and edges.json summarise those clients. 0 turns this off (one rule per client). "
                    + "Default: ${DEFAULT-VALUE}.")
    public int internetClientsThreshold;

    @Option(names = "--lb-source-ranges-max", paramLabel = "N", defaultValue = "4",
            description = "A LoadBalancer Service whose load balancer clients (public clients of its pods with client IP "
                    + "preservation, or with --aws-network the clients of its ENIs) come from at most N ranges (exact "
                    + "addresses, else their /24 (/48) networks) gets a loadBalancerSourceRanges kustomize patch in "
                    + "service-patches/; more are reported as not few. 0 turns this off. Default: ${DEFAULT-VALUE}.")
    public int loadBalancerSourceRangesMax;

    @Option(names = "--exclude-namespace", paramLabel = "NS", split = ",",
            defaultValue = "kube-system,kube-public,kube-node-lease",
            description = "Namespaces that get no policies (traffic to them is still allowed by the others' egress). "
                    + "Default: ${DEFAULT-VALUE}.")
    public Set<String> excludedNamespaces;

    @Option(names = "--snat-egress", paramLabel = "MODE", defaultValue = "allow-candidates",
            description = "Egress seen only as node -> external (the VPC CNI's SNAT hides the pod): 'allow-candidates' "
                    + "allows that destination and port for every workload that had a pod on the node when a connection "
                    + "was seen (a superset, flagged in the report, so applying the policies does not cut it); "
                    + "'common-candidates' allows only the workloads that were the sole candidate of a connection or a "
                    + "candidate of every connection, falling back to all candidates where none is common (cuts a second "
                    + "sender whose pods always shared nodes with the first); 'report-only' leaves it out (the policies "
                    + "then block it). Default: ${DEFAULT-VALUE}.")
    public String snatEgress;

    @Option(names = "--allow-empty",
            description = "Write (or propose) policies even when the window learned no traffic: no flow-log record, "
                    + "or none in the window. Such policies deny all traffic. Default: off, the run fails with exit 1 "
                    + "and the previous output is kept.")
    public boolean allowEmpty;

    @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "kubernetes",
            description = "Which policies to write: 'kubernetes' (NetworkPolicies and the Calico guard "
                    + "GlobalNetworkPolicies), 'calico' (the same intent as Calico projectcalico.org/v3 resources in the "
                    + "flowpol tier, under calico/), or 'both'; the two are proven equivalent before anything is "
                    + "written. Default: ${DEFAULT-VALUE}.")
    public String dialect;

    @Option(names = "--staged",
            description = "Write every policy as its Calico staged kind (StagedKubernetesNetworkPolicy, "
                    + "StagedNetworkPolicy, StagedGlobalNetworkPolicy): Calico reports what it would deny without "
                    + "enforcing it; 'flowpol promote' turns the set into the enforced kinds. Default: off.")
    public boolean staged;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "A directory of FreeMarker templates that override the built-in ones by file name. Default: the built-in "
                    + "templates only.")
    public Path templates;

    /** Checks the values picocli cannot; throws {@link InputException} naming the option. */
    public void validate() {
        prefix();
        if (SnatEgressMode.ofFlag(snatEgress) == null) {
            throw new InputException(InputProblem.error(null, 0, "--snat-egress",
                    "allow-candidates, common-candidates or report-only",
                    snatEgress));
        }
        if (!java.util.List.of("kubernetes", "calico", "both").contains(dialect)) {
            throw new InputException(InputProblem.error(null, 0, "--dialect", "kubernetes, calico or both", dialect));
        }
        if (internetClientsThreshold < 0) {
            throw new InputException(InputProblem.error(null, 0, "--internet-clients-threshold", "a number >= 0",
                    Integer.toString(internetClientsThreshold)));
        }
        if (loadBalancerSourceRangesMax < 0) {
            throw new InputException(InputProblem.error(null, 0, "--lb-source-ranges-max", "a number >= 0",
                    Integer.toString(loadBalancerSourceRangesMax)));
        }
        if (minConnections < 1) {
            throw new InputException(InputProblem.error(null, 0, "--min-connections", "a number >= 1",
                    Integer.toString(minConnections)));
        }
    }

    /** The Kubernetes set is written ({@code --dialect kubernetes} or {@code both}). */
    public boolean kubernetesDialect() {
        return !"calico".equals(dialect);
    }

    /** The Calico set is written ({@code --dialect calico} or {@code both}). */
    public boolean calicoDialect() {
        return !"kubernetes".equals(dialect);
    }

    public SynthesisOptions synthesisOptions() {
        return new SynthesisOptions(minConnections, prefix(), 128, excludedNamespaces,
                SnatEgressMode.ofFlag(snatEgress), internetClientsThreshold, loadBalancerSourceRangesMax,
                aggregateExternal.equals("per-network"));
    }

    /**
     * How many distinct addresses one class of connections to VPC or external addresses lists
     * before inference summarises it per network (issue 13 item 4); 0 lists every address.
     */
    public int summariseAbove() {
        return aggregateExternal.equals("per-address") ? 0 : internetClientsThreshold;
    }

    private int prefix() {
        if (aggregateExternal.equals("summary") || aggregateExternal.equals("per-network")
                || aggregateExternal.equals("per-address")) {
            return 32;
        }
        String v = aggregateExternal.startsWith("/") ? aggregateExternal.substring(1) : aggregateExternal;
        try {
            int n = Integer.parseInt(v);
            if (n >= 8 && n <= 32) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new InputException(InputProblem.error(null, 0, "--aggregate-external",
                "summary, per-network, per-address or /8 to /32", aggregateExternal));
    }
}
