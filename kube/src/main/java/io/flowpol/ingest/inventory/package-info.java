/**
 * The AWS network inventory (issue 11 item 2), always in the API's own shapes so users run the
 * commands they know: read from the JSON the AWS CLI prints ({@code aws ec2
 * describe-network-interfaces}, {@code describe-subnets}, {@code describe-vpcs},
 * {@code describe-vpc-endpoints}; {@link io.flowpol.ingest.inventory.AwsNetworkReader}), or from
 * the snapshots a recording holds ({@link io.flowpol.ingest.inventory.RecordedInventory} reads
 * them back as a timed inventory). The live EC2 side, which needs the AWS SDK, is the aws
 * module's {@code io.flowpol.ingest.ec2}.
 */
package io.flowpol.ingest.inventory;
