package io.flowpol.ingest.s3;

import io.flowpol.ingest.aws.AwsClientSettings;
import java.net.URI;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the S3 client the AWS way, like {@code CloudWatchClients}: default credential chain
 * (or a named profile), region from the flag or the usual chain ({@code AWS_REGION}, profile),
 * endpoint from the flag or the SDK's own {@code AWS_ENDPOINT_URL}/{@code AWS_ENDPOINT_URL_S3}.
 */
public final class S3Clients {
    /** Throttling (503 SlowDown) is normal when listing a busy bucket; the SDK backs off between attempts. */
    static final int MAX_ATTEMPTS = AwsClientSettings.MAX_ATTEMPTS;

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
        S3ClientBuilder builder = AwsClientSettings.apply(S3Client.builder(), region, profile, endpoint);
        if (endpoint != null
                || System.getenv("AWS_ENDPOINT_URL_S3") != null || System.getenv("AWS_ENDPOINT_URL") != null) {
            // A custom endpoint (from the flag, or read by the SDK from the environment) is addressed path-style.
            builder.forcePathStyle(true);
        }
        return builder.build();
    }
}
