/** What the AWS SDK clients of the readers share: credentials, region, endpoint and retries, the AWS way. */
package io.flowpol.ingest.aws;
