package io.flowpol.ingest.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowpol.inference.FlowInference;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.ingest.DemoScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** GitHub issue 5: the demo's S3 delivery, read through the S3 API, gives the edges of the files. */
class DemoFromS3Test {

    @Test
    void s3ModeGivesTheEdgesOfTheFiles() throws IOException {
        Path root = DemoScenario.DIR.resolve("flowlogs/v5");
        try (S3TestServer server = new S3TestServer(7)) {
            for (Path file : DemoScenario.v5Files()) {
                server.put("flow-logs", "eks/" + root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            S3Client client = server.client(Region.EU_WEST_1);
            ClusterTimeline timeline = DemoScenario.timeline();
            FlowInference inference = DemoScenario.inference(timeline);
            S3Stats stats = new S3FlowLogReader(client).read(
                    S3Source.parse("s3://flow-logs/eks", DemoScenario.START, DemoScenario.END), null, true, inference);
            InferenceResult result = inference.finish();
            InferenceResult files = DemoScenario.fileMode(timeline);
            System.out.printf("demo via S3: %d ListObjectsV2 calls, %d GetObject calls, %,d object bytes%n",
                    stats.listCalls(), stats.getCalls(), stats.objectBytes());
            assertEquals(DemoScenario.v5Files().size(), stats.objects());
            assertEquals(DemoScenario.edges(files.edges()), DemoScenario.edges(result.edges()));
            assertEquals(DemoScenario.edges(files.attempts()), DemoScenario.edges(result.attempts()));
            client.close();
        }
    }

    @Test
    void anInterruptedReadResumesFromTheCheckpointWithoutFetchingObjectsAgain(@org.junit.jupiter.api.io.TempDir Path checkpoint)
            throws IOException {
        Path root = DemoScenario.DIR.resolve("flowlogs/v5");
        try (S3TestServer server = new S3TestServer(100)) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            for (Path file : DemoScenario.v5Files()) {
                String key = "eks/" + root.relativize(file).toString().replace('\\', '/');
                keys.add(key);
                server.put("flow-logs", key, Files.readAllBytes(file));
            }
            S3Client client = server.client(Region.EU_WEST_1);
            ClusterTimeline timeline = DemoScenario.timeline();
            S3Source window = S3Source.parse("s3://flow-logs/eks", DemoScenario.START, DemoScenario.END);
            String broken = keys.get(keys.size() / 2);
            server.vanish(broken);
            org.junit.jupiter.api.Assertions.assertThrows(io.flowpol.inference.model.InputException.class,
                    () -> new S3FlowLogReader(client, checkpoint).read(window, null, true, DemoScenario.inference(timeline)));
            server.restore(broken);
            FlowInference inference = DemoScenario.inference(timeline);
            S3Stats stats = new S3FlowLogReader(client, checkpoint).read(window, null, true, inference);
            assertEquals(keys.size() / 2, stats.objectsFromCheckpoint(), "the objects read before the failure");
            assertEquals(keys.size() - keys.size() / 2, stats.getCalls(), "only the others were fetched");
            assertEquals(DemoScenario.edges(DemoScenario.fileMode(timeline).edges()),
                    DemoScenario.edges(inference.finish().edges()), "nothing lost, nothing counted twice");
            client.close();
        }
    }
}
