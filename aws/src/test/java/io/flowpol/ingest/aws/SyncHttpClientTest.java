package io.flowpol.ingest.aws;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowpol.ingest.cloudwatch.CloudWatchClients;
import io.flowpol.ingest.s3.S3Clients;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The AWS clients are built without the SDK's Netty client on the class path (issue 17: it only
 * serves asynchronous clients and was 4 MB of the jar): both builders name the Apache client, so
 * they do not depend on which HTTP client the SDK would find.
 */
class SyncHttpClientTest {

    @Test
    void theNettyClientIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient"));
    }

    @Test
    void bothClientsBuildWithoutIt() {
        URI local = URI.create("http://127.0.0.1:1");
        S3Clients.create("eu-west-1", null, local).close();
        CloudWatchClients.create("eu-west-1", null, local).close();
    }
}
