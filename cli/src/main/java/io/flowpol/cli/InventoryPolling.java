package io.flowpol.cli;

import io.flowpol.cli.options.AwsNetworkOptions;
import io.flowpol.cli.options.AwsOptions;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.ingest.aws.AwsFailures;
import io.flowpol.ingest.ec2.AwsNetworkPoller;
import io.flowpol.ingest.ec2.Ec2Clients;
import io.flowpol.ingest.ec2.Ec2NetworkReader;
import io.flowpol.ingest.record.ClusterRecorder;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeAddress;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * {@code record --aws-network live} (and {@code learn} recording its own window): the recorder
 * also snapshots the VPC's network inventory every {@code --aws-network-every} into the recording
 * (issue 11 item 2). The VPC is {@code --vpc-id}, else the one whose ENIs hold the cluster's node
 * addresses, listed from the API server the recorder watches.
 */
final class InventoryPolling {
    private InventoryPolling() {
    }

    /** What to do to the recorder; nothing without {@code --aws-network live}. */
    static Consumer<ClusterRecorder> setUp(AwsNetworkOptions options, AwsOptions aws, Duration every, ApiClient kube,
                                           PrintWriter err) {
        if (options == null || options.files == null || options.files.isEmpty()) {
            return recorder -> { };
        }
        if (!options.live()) {
            throw new InputException(InputProblem.error(null, 0, "--aws-network",
                    "'live' when recording (snapshots of the EC2 API; files are given to generate, learn or propose)",
                    String.valueOf(options.files)));
        }
        if (every == null || every.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new InputException(InputProblem.error(null, 0, "--aws-network-every", "at least 10s",
                    String.valueOf(every)));
        }
        Ec2Client client = Ec2Clients.create(aws.region, aws.profile, aws.endpoint);
        Ec2NetworkReader reader = new Ec2NetworkReader(client);
        String vpc = options.vpcId != null ? options.vpcId : reader.vpcOf(nodeAddresses(kube));
        String region = client.serviceClientConfiguration().region() == null ? null
                : client.serviceClientConfiguration().region().id();
        AwsNetworkPoller poller = new AwsNetworkPoller(reader, vpc, region, Clock.systemUTC());
        err.printf("flowpol: recording the AWS network inventory of %s every %s%n", vpc, every);
        err.flush();
        return recorder -> recorder.polling(poller, every, warning -> {
            err.println("flowpol: warning: --aws-network live: a snapshot failed, the next one is in " + every + ": " + warning);
            err.flush();
        });
    }

    private static Set<IpAddress> nodeAddresses(ApiClient kube) {
        Set<IpAddress> out = new LinkedHashSet<>();
        try {
            for (V1Node node : new CoreV1Api(kube).listNode().execute().getItems()) {
                if (node.getStatus() == null || node.getStatus().getAddresses() == null) {
                    continue;
                }
                for (V1NodeAddress a : node.getStatus().getAddresses()) {
                    if ("InternalIP".equals(a.getType())) {
                        try {
                            out.add(IpAddress.parse(a.getAddress()));
                        } catch (IllegalArgumentException notAnAddress) {
                            // the VPC is found from the others
                        }
                    }
                }
            }
        } catch (ApiException e) {
            throw new InputException(InputProblem.error(null, 0, "--vpc-id",
                    "the VPC of the cluster's nodes (listing nodes to find it; or give --vpc-id)",
                    "HTTP " + e.getCode() + " " + AwsFailures.reason(e)), e);
        }
        return out;
    }
}
