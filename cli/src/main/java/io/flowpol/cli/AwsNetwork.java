package io.flowpol.cli;

import io.flowpol.cli.options.AwsNetworkOptions;
import io.flowpol.cli.options.AwsOptions;
import io.flowpol.inference.coverage.InventoryCoverage;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NodeSpan;
import io.flowpol.ingest.cluster.ClusterRecording;
import io.flowpol.ingest.ec2.Ec2Clients;
import io.flowpol.ingest.ec2.Ec2NetworkReader;
import io.flowpol.ingest.inventory.AwsNetworkReader;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * {@code --aws-network}: files are read before any flow log (a malformed file costs no window);
 * {@code live} checks its settings (region) before anything is read and reads the EC2 API once
 * the recording is read (its nodes' addresses find the VPC); without the option, the snapshots
 * the recording holds. The inventory is checked against what was learned (another VPC's is a
 * warning on stderr and in the report).
 */
final class AwsNetwork {
    /** The inventory and what checking it against the window found; {@link #NONE} without the option. */
    record Checked(NetworkInventory inventory, List<Finding> findings) {
        static final Checked NONE = new Checked(NetworkInventory.EMPTY, List.of());

        Checked {
            findings = List.copyOf(findings);
        }
    }

    /** Where the inventory comes from, decided before the recording is read. */
    interface Source {
        /** The recording's own snapshots ({@code record --aws-network live}), if it holds any. */
        Source RECORDED = (recording, err) -> recording.inventory();

        NetworkInventory inventory(ClusterRecording recording, PrintWriter err);
    }

    private AwsNetwork() {
    }

    static NetworkInventory read(AwsNetworkOptions options) {
        if (options == null || options.files == null || options.files.isEmpty()) {
            return NetworkInventory.EMPTY;
        }
        return new AwsNetworkReader().read(options.files);
    }

    /** Reads files now; for {@code live}, builds the client now (no region: exit before reading anything). */
    static Source prepare(AwsNetworkOptions options, AwsOptions aws) {
        if (options == null || options.files == null || options.files.isEmpty()) {
            if (options != null && options.vpcId != null) {
                throw new InputException(InputProblem.error(null, 0, "--vpc-id", "--aws-network live with it", "no --aws-network live"));
            }
            return Source.RECORDED;
        }
        if (!options.live()) {
            NetworkInventory files = read(options);
            return (recording, err) -> overriding(files, recording, err);
        }
        Ec2Client client = Ec2Clients.create(aws.region, aws.profile, aws.endpoint);
        return (recording, err) -> {
            try (client) {
                Ec2NetworkReader reader = new Ec2NetworkReader(client);
                String vpc = options.vpcId != null ? options.vpcId : reader.vpcOf(nodeAddresses(recording.timeline()));
                NetworkInventory live = reader.read(vpc);
                reader.warnings().forEach(w -> err.println("flowpol: warning: --aws-network live: " + w));
                err.printf("flowpol: --aws-network live: %s, %,d addresses of %s (%d calls, %d retried)%n",
                        vpc, live.size(), Ec2NetworkReader.source(vpc), reader.calls(), reader.retries());
                err.flush();
                return overriding(live, recording, err);
            }
        };
    }

    /** An inventory given on the command line wins over the recording's snapshots; say so when it holds some. */
    private static NetworkInventory overriding(NetworkInventory given, ClusterRecording recording, PrintWriter err) {
        if (!recording.inventory().isEmpty()) {
            err.println("flowpol: warning: --aws-network: used instead of the inventory snapshots the recording holds");
            err.flush();
        }
        return given;
    }

    /** The nodes' InternalIPs: their ENIs are in the cluster's VPC, the flow logs'. */
    private static Set<IpAddress> nodeAddresses(ClusterTimeline timeline) {
        Set<IpAddress> out = new LinkedHashSet<>();
        for (NodeSpan node : timeline.nodes()) {
            out.addAll(node.addresses());
        }
        return out;
    }

    /** The inventory with its findings for the report; they are printed as warnings on {@code err} too. */
    static Checked check(NetworkInventory inventory, InferenceResult result, PrintWriter err) {
        List<Finding> findings = new java.util.ArrayList<>(InventoryCoverage.check(inventory, result).stream().toList());
        findings.forEach(f -> err.println("flowpol: warning: " + f.message()));
        err.flush();
        // Informational, for the report only: what an inventory would name, or what this one does not.
        InventoryCoverage.unnamed(inventory, result).ifPresent(findings::add);
        return new Checked(inventory, findings);
    }
}
