package io.flowpol.cli.options;

import java.net.URI;
import picocli.CommandLine.Option;

/** The usual AWS settings; unset ones fall back to the SDK's default chain (environment, profile, instance role). */
public final class AwsOptions {

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region. Default: AWS_REGION / the profile's region.")
    public String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "Named AWS profile. Default: the default credential chain.")
    public String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Override the service endpoint (testing, VPC endpoints). Default: AWS_ENDPOINT_URL or AWS's.")
    public URI endpoint;
}
