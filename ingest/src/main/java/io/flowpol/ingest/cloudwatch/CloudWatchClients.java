package io.flowpol.ingest.cloudwatch;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClientBuilder;

/**
 * Builds the CloudWatch Logs client the AWS way: default credential chain (or a named profile),
 * region from the flag or the usual chain, endpoint from the flag or the SDK's own
 * {@code AWS_ENDPOINT_URL}/{@code AWS_ENDPOINT_URL_CLOUDWATCH_LOGS} handling.
 */
public final class CloudWatchClients {
    /** Throttling is normal when reading a day of flow logs; the SDK backs off between attempts. */
    static final int MAX_ATTEMPTS = 10;

    private CloudWatchClients() {
    }

    public static CloudWatchLogsClient create(String region, String profile, URI endpoint) {
        CloudWatchLogsClientBuilder builder = CloudWatchLogsClient.builder()
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS).build())
                        .build());
        if (profile != null) {
            builder.credentialsProvider(ProfileCredentialsProvider.create(profile));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
