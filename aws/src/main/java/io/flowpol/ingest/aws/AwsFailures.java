package io.flowpol.ingest.aws;

import io.flowpol.inference.model.IoReason;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What a failed AWS call says, for the "found" of an input problem: AWS's own message and error
 * code, never the SDK's Java class names (issue 12 item 11) — the credential chain's message
 * lists every provider class it tried, which says nothing to someone without credentials.
 */
public final class AwsFailures {
    private AwsFailures() {
    }

    public static String reason(Throwable e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorMessage() != null) {
            String code = aws.awsErrorDetails().errorCode();
            return aws.awsErrorDetails().errorMessage().replace('\n', ' ')
                    + (code == null ? "" : " (AWS error " + code + ", HTTP " + aws.statusCode() + ")");
        }
        if (e instanceof SdkClientException && e.getMessage() != null
                && e.getMessage().startsWith("Unable to load credentials")) {
            return "no AWS credentials: the default chain found none (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, or give --profile)";
        }
        return IoReason.of(e);
    }
}
