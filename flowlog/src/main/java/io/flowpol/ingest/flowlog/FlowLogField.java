package io.flowpol.ingest.flowlog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every field AWS documents for VPC Flow Log records, with the record version that
 * introduced it ("Available fields", https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html).
 * The default format is the version 2 fields in declaration order (DESIGN.md fact 8).
 *
 * <p>Only the fields {@link io.flowpol.inference.model.FlowRecord} carries are parsed; the
 * others (account, VPC, ECS metadata, ...) are recognised so that a format naming them is
 * valid, and their values are skipped without being looked at.
 */
public enum FlowLogField {
    VERSION("version", 2),
    ACCOUNT_ID("account-id", 2),
    INTERFACE_ID("interface-id", 2),
    SRCADDR("srcaddr", 2),
    DSTADDR("dstaddr", 2),
    SRCPORT("srcport", 2),
    DSTPORT("dstport", 2),
    PROTOCOL("protocol", 2),
    PACKETS("packets", 2),
    BYTES("bytes", 2),
    START("start", 2),
    END("end", 2),
    ACTION("action", 2),
    LOG_STATUS("log-status", 2),
    VPC_ID("vpc-id", 3),
    SUBNET_ID("subnet-id", 3),
    INSTANCE_ID("instance-id", 3),
    TCP_FLAGS("tcp-flags", 3),
    TYPE("type", 3),
    PKT_SRCADDR("pkt-srcaddr", 3),
    PKT_DSTADDR("pkt-dstaddr", 3),
    REGION("region", 4),
    AZ_ID("az-id", 4),
    SUBLOCATION_TYPE("sublocation-type", 4),
    SUBLOCATION_ID("sublocation-id", 4),
    PKT_SRC_AWS_SERVICE("pkt-src-aws-service", 5),
    PKT_DST_AWS_SERVICE("pkt-dst-aws-service", 5),
    FLOW_DIRECTION("flow-direction", 5),
    TRAFFIC_PATH("traffic-path", 5),
    ECS_CLUSTER_ARN("ecs-cluster-arn", 7),
    ECS_CLUSTER_NAME("ecs-cluster-name", 7),
    ECS_CONTAINER_INSTANCE_ARN("ecs-container-instance-arn", 7),
    ECS_CONTAINER_INSTANCE_ID("ecs-container-instance-id", 7),
    ECS_CONTAINER_ID("ecs-container-id", 7),
    ECS_SECOND_CONTAINER_ID("ecs-second-container-id", 7),
    ECS_SERVICE_NAME("ecs-service-name", 7),
    ECS_TASK_DEFINITION_ARN("ecs-task-definition-arn", 7),
    ECS_TASK_ARN("ecs-task-arn", 7),
    ECS_TASK_ID("ecs-task-id", 7),
    REJECT_REASON("reject-reason", 8),
    /** Regional NAT gateway traffic: the gateway's ID. */
    RESOURCE_ID("resource-id", 9),
    /** VPC encryption controls: 0 cleartext, 1 Nitro, 2 TLS, 3 both. */
    ENCRYPTION_STATUS("encryption-status", 10);

    private static final Map<String, FlowLogField> BY_NAME = new HashMap<>();

    static {
        for (FlowLogField field : values()) {
            BY_NAME.put(field.awsName, field);
        }
    }

    private final String awsName;
    private final int version;

    FlowLogField(String awsName, int version) {
        this.awsName = awsName;
        this.version = version;
    }

    /** The name as AWS spells it in LogFormat strings and S3 header lines ({@code log-status}). */
    public String awsName() {
        return awsName;
    }

    /** The flow-log record version that introduced this field. */
    public int version() {
        return version;
    }

    /**
     * The field named {@code name}, or null. Accepts the underscore spelling too
     * ({@code log_status}), which Athena tables and Parquet schemas use for the same fields.
     */
    public static FlowLogField byName(String name) {
        FlowLogField field = BY_NAME.get(name);
        if (field == null && name.indexOf('_') >= 0) {
            field = BY_NAME.get(name.replace('_', '-').toLowerCase(Locale.ROOT));
        }
        return field;
    }
}
