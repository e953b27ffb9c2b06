package io.flowpol.ingest.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.ingest.aws.AwsFailures;
import io.flowpol.ingest.aws.RetryCount;
import io.flowpol.ingest.inventory.AwsNetworkReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

/**
 * {@code --aws-network live}: the inventory of one VPC read through the EC2 API — what
 * {@code aws ec2 describe-network-interfaces --filters Name=vpc-id,Values=VPC} (and
 * {@code describe-subnets}, {@code describe-vpcs}, {@code describe-vpc-endpoints}) print, fetched
 * page by page ({@code NextToken}; unpaginated calls are throttled and time out on large
 * accounts, says the API reference) with the SDK's retries on throttling
 * ({@code RequestLimitExceeded}). The answer is turned into the CLI's JSON ({@link AwsShapes}) and
 * read by {@link AwsNetworkReader}, so a malformed field is reported as for a file.
 */
public final class Ec2NetworkReader {
    /** The most filter values EC2 takes in one filter. */
    private static final int MAX_FILTER_VALUES = 200;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Ec2Client client;
    private final RetryCount retries = new RetryCount();
    private final List<String> warnings = new ArrayList<>();
    private long calls;

    public Ec2NetworkReader(Ec2Client client) {
        this.client = client;
    }

    /** How messages name the live source: a file's name for a file. */
    public static String source(String vpcId) {
        return "aws ec2 (live, " + vpcId + ")";
    }

    /**
     * The VPC of the ENIs that hold these addresses (the recording's node addresses: on EKS the
     * flow logs' VPC). Exactly one is expected; none means another account or region.
     */
    public String vpcOf(Collection<IpAddress> addresses) {
        List<String> values = addresses.stream().filter(IpAddress::isV4).map(IpAddress::toString).distinct()
                .limit(MAX_FILTER_VALUES).toList();
        if (values.isEmpty()) {
            throw new InputException(InputProblem.error(null, 0, "--vpc-id",
                    "the VPC of the flow logs with --aws-network live (the recording names no node address to find it by)",
                    "none given"));
        }
        TreeSet<String> vpcs = new TreeSet<>();
        call("DescribeNetworkInterfaces", () -> {
            for (NetworkInterface eni : client.describeNetworkInterfacesPaginator(r -> r
                    .filters(Filter.builder().name("addresses.private-ip-address").values(values).build())
                    .overrideConfiguration(retries.attach())).networkInterfaces()) {
                if (eni.vpcId() != null) {
                    vpcs.add(eni.vpcId());
                }
            }
            return null;
        });
        if (vpcs.size() != 1) {
            throw new InputException(InputProblem.error("aws ec2 (live)", 0, "--vpc-id",
                    "the one VPC whose ENIs hold the recorded nodes' addresses (" + String.join(", ", values.subList(0,
                            Math.min(3, values.size()))) + (values.size() > 3 ? ", ..." : "") + ")",
                    vpcs.isEmpty() ? "no ENI with these addresses in this account and region: another account or "
                            + "region? give --vpc-id, --region or --profile"
                            : "several: " + String.join(", ", vpcs) + "; give --vpc-id"));
        }
        return vpcs.first();
    }

    /**
     * One snapshot of the VPC in the AWS CLI's shapes: {@code {"NetworkInterfaces":[…],
     * "Subnets":[…], "Vpcs":[…], "VpcEndpoints":[…]}}.
     */
    public ObjectNode snapshot(String vpcId) {
        Filter vpc = Filter.builder().name("vpc-id").values(vpcId).build();
        ObjectNode root = JSON.objectNode();
        ArrayNode enis = root.putArray("NetworkInterfaces");
        call("DescribeNetworkInterfaces", () -> {
            client.describeNetworkInterfacesPaginator(r -> r.filters(vpc).maxResults(1000)
                    .overrideConfiguration(retries.attach())).networkInterfaces().forEach(e -> enis.add(AwsShapes.toJson(e)));
            return null;
        });
        ArrayNode subnets = root.putArray("Subnets");
        call("DescribeSubnets", () -> {
            client.describeSubnetsPaginator(r -> r.filters(vpc).overrideConfiguration(retries.attach()))
                    .subnets().forEach(s -> subnets.add(AwsShapes.toJson(s)));
            return null;
        });
        ArrayNode vpcs = root.putArray("Vpcs");
        call("DescribeVpcs", () -> {
            client.describeVpcsPaginator(r -> r.filters(vpc).overrideConfiguration(retries.attach()))
                    .vpcs().forEach(v -> vpcs.add(AwsShapes.toJson(v)));
            return null;
        });
        ArrayNode endpoints = root.putArray("VpcEndpoints");
        try {
            call("DescribeVpcEndpoints", () -> {
                client.describeVpcEndpointsPaginator(r -> r.filters(vpc).overrideConfiguration(retries.attach()))
                        .vpcEndpoints().forEach(v -> endpoints.add(AwsShapes.toJson(v)));
                return null;
            });
        } catch (InputException e) {
            if (!(e.getCause() instanceof AwsServiceException aws) || aws.awsErrorDetails() == null
                    || !"UnauthorizedOperation".equals(aws.awsErrorDetails().errorCode())) {
                throw e;
            }
            // Only names the endpoints' services: without the permission they are named by their vpce- id.
            warnings.add("ec2:DescribeVpcEndpoints is not allowed: VPC endpoints are named by their id, not their service");
        }
        return root;
    }

    /** {@link #snapshot} read as an inventory (addresses over all time). */
    public NetworkInventory read(String vpcId) {
        return new AwsNetworkReader().read(source(vpcId), snapshot(vpcId));
    }

    /** API calls made (pages), and the attempts the SDK repeated (throttling, 5xx). */
    public long calls() {
        return calls;
    }

    public long retries() {
        return retries.retries();
    }

    /** Non-fatal problems (a permission only a nicety needs). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private <T> T call(String action, Supplier<T> body) {
        try {
            calls++;
            return body.get();
        } catch (SdkException e) {
            throw new InputException(InputProblem.error("aws ec2 (live)", 0, action,
                    "an answer of the EC2 API (--aws-network live: needs ec2:DescribeNetworkInterfaces, "
                            + "ec2:DescribeSubnets, ec2:DescribeVpcs)", AwsFailures.reason(e)), e);
        }
    }
}
