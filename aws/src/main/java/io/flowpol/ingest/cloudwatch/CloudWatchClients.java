package io.flowpol.ingest.cloudwatch;

import io.flowpol.ingest.aws.AwsClientSettings;
import java.net.URI;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** Builds the CloudWatch Logs client with flowpol's AWS conventions ({@link AwsClientSettings}). */
public final class CloudWatchClients {
    static final int MAX_ATTEMPTS = AwsClientSettings.MAX_ATTEMPTS;

    private CloudWatchClients() {
    }

    public static CloudWatchLogsClient create(String region, String profile, URI endpoint) {
        return AwsClientSettings.apply(CloudWatchLogsClient.builder(), region, profile, endpoint).build();
    }
}
