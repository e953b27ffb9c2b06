package io.flowpol.ingest.aws;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The AWS conventions every flowpol client follows: default credential chain (or a named profile),
 * region from the flag or the usual chain ({@code AWS_REGION}, the profile), endpoint from the flag
 * or the SDK's own {@code AWS_ENDPOINT_URL*} variables, and patient retries — throttling and 5xx
 * are normal when reading a day of flow logs; the SDK backs off between attempts. The HTTP client
 * is the Apache one, named here rather than found on the class path: the jar leaves out the
 * SDK's Netty client, which only asynchronous clients use (issue 17).
 */
public final class AwsClientSettings {
    public static final int MAX_ATTEMPTS = 10;

    private AwsClientSettings() {
    }

    /** Applies region, profile and endpoint (each null for the SDK default), the retry policy and the HTTP client. */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B apply(
            B builder, String region, String profile, URI endpoint) {
        builder.httpClientBuilder(ApacheHttpClient.builder());
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                .build());
        builder.credentialsProvider(profile != null ? ProfileCredentialsProvider.create(profile)
                : DefaultCredentialsProvider.builder().build());
        builder.region(region != null ? Region.of(region) : defaultRegion());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /**
     * The region the SDK would pick itself (AWS_REGION, the profile, instance metadata), asked
     * for here so that none set is one line naming where to set it, not the SDK's dump of its
     * provider chain (issue 15 item 5).
     */
    private static Region defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new InputException(InputProblem.error(null, 0, "--region",
                    "an AWS region: --region, the AWS_REGION variable or 'region' in the AWS profile (~/.aws/config)",
                    "none set"));
        }
    }
}
