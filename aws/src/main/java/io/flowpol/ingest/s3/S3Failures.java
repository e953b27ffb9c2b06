package io.flowpol.ingest.s3;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns SDK failures into one-line input errors that name the S3 location. */
final class S3Failures {

    private S3Failures() {
    }

    static InputException of(String where, RuntimeException e) {
        if (e instanceof InputException input) {
            return input;
        }
        String found;
        if (e instanceof NoSuchBucketException) {
            found = "no such bucket";
        } else if (e instanceof NoSuchKeyException) {
            found = "no such object (deleted after it was listed?)";
        } else if (e instanceof S3Exception s3 && s3.statusCode() == 403) {
            found = "access denied (the policy in docs/aws-sources.md lists the permissions flowpol needs)";
        } else {
            found = io.flowpol.ingest.aws.AwsFailures.reason(e);
        }
        return new InputException(InputProblem.error(where, 0, null, null, found.replace('\n', ' ')), e);
    }
}
