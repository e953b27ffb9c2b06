/**
 * The live AWS network inventory (issue 11 item 2): the SDK's EC2 client reads a VPC's network
 * interfaces, subnets, VPCs and VPC endpoints ({@link io.flowpol.ingest.ec2.Ec2NetworkReader}),
 * turned into the JSON the AWS CLI prints ({@link io.flowpol.ingest.ec2.AwsShapes}) so that
 * kube's {@link io.flowpol.ingest.inventory.AwsNetworkReader} reads it as it reads files; and
 * the snapshots {@code record --aws-network live} writes into a recording
 * ({@link io.flowpol.ingest.ec2.AwsNetworkSnapshots}, {@link io.flowpol.ingest.ec2.AwsNetworkPoller}),
 * which kube's {@link io.flowpol.ingest.inventory.RecordedInventory} reads back. Its own package,
 * not kube's {@code io.flowpol.ingest.inventory} (issue 17: no package split across modules).
 */
package io.flowpol.ingest.ec2;
