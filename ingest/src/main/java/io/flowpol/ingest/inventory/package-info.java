/**
 * The AWS network inventory read from the JSON the AWS CLI prints ({@code aws ec2
 * describe-network-interfaces}, {@code describe-subnets}, {@code describe-vpcs},
 * {@code describe-vpc-endpoints}): the API's own shapes, so users run the commands they know.
 */
package io.flowpol.ingest.inventory;
