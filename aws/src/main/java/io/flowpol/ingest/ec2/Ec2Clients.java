package io.flowpol.ingest.ec2;

import io.flowpol.ingest.aws.AwsClientSettings;
import java.net.URI;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Builds the EC2 client with flowpol's AWS conventions ({@link AwsClientSettings}), as for S3 and CloudWatch Logs. */
public final class Ec2Clients {
    private Ec2Clients() {
    }

    /** Region, profile and endpoint null for the SDK's defaults ({@code AWS_REGION}, the credential chain, {@code AWS_ENDPOINT_URL}). */
    public static Ec2Client create(String region, String profile, URI endpoint) {
        return AwsClientSettings.apply(Ec2Client.builder(), region, profile, endpoint).build();
    }
}
