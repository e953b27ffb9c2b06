package io.flowpol.ingest.s3;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the S3 client the AWS way, like {@code CloudWatchClients}: default credential chain
 * (or a named profile), region from the flag or the usual chain ({@code AWS_REGION}, profile),
 * endpoint from the flag or the SDK's own {@code AWS_ENDPOINT_URL}/{@code AWS_ENDPOINT_URL_S3}.
 */
public final class S3Clients {
    /** Throttling (503 SlowDown) is normal when listing a busy bucket; the SDK backs off between attempts. */
    static final int MAX_ATTEMPTS = 10;

    private S3Clients() {
    }

    /**
     * @param region null for the default region chain
     * @param profile null for the default credential chain
     * @param endpoint null for AWS; otherwise an S3-compatible endpoint (MinIO, LocalStack, a
     *     test server), addressed path-style because such endpoints rarely resolve
     *     {@code bucket.host} names
     */
    public static S3Client create(String region, String profile, URI endpoint) {
        S3ClientBuilder builder = S3Client.builder()
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
            builder.endpointOverride(endpoint).forcePathStyle(true);
        } else if (System.getenv("AWS_ENDPOINT_URL_S3") != null || System.getenv("AWS_ENDPOINT_URL") != null) {
            // The SDK reads the endpoint from the environment itself; the addressing style is ours to set.
            builder.forcePathStyle(true);
        }
        return builder.build();
    }
}
