package io.flowpol.templates.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Coverage;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.synthesize.PolicySynthesizer;
import io.flowpol.inference.synthesize.SynthesisOptions;
import io.flowpol.inference.timeline.ClusterTimeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 item 2: a policy document the API server would refuse is never written. */
class DocumentSizeTest {
    @TempDir
    Path tmp;

    /** {@code clients} external /32 clients of the frontend, as behind an NLB with client IP preservation. */
    private static OutputModel model(int clients) {
        ClusterTimeline cluster = SampleModel.cluster();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            IpAddress client = IpAddress.ofV4(0x2C00_0000 + i * 7);
            edges.add(SampleModel.edge(Peer.external(client), Peer.workload(SampleModel.FRONTEND), Protocol.TCP, 8080, 3));
        }
        InferenceResult result = new InferenceResult(edges, List.of(), List.of(),
                new Coverage(List.of(), List.of(), Map.of()), List.of());
        // Internet-facing summaries off (issue 19 item 3 would fold these clients into one rule): the
        // limit itself is under test here.
        SynthesisOptions options = new SynthesisOptions(1, 32, 128, SynthesisOptions.DEFAULT_EXCLUDED,
                io.flowpol.inference.synthesize.SnatEgressMode.ALLOW_CANDIDATES, 0);
        return new OutputModel(new PolicySynthesizer(options).synthesize(result, cluster), result,
                OutputModel.ClusterSummary.of(cluster),
                new OutputModel.InputDescription(List.of("flows.log"), "v2", SampleModel.T0, SampleModel.T0 + SampleModel.MINUTE),
                List.of());
    }

    @Test
    void aPolicyOverTheLimitIsRefusedNamingItAndItsSizeAndNothingIsWritten() throws IOException {
        Path parent = Files.createDirectories(tmp.resolve("parent"));

        InputException e = assertThrows(InputException.class,
                () -> new OutputRenderer(null).render(parent.resolve("out"), model(20_000)));

        assertTrue(e.getMessage().startsWith("networkpolicies/shop/"), e.getMessage());
        assertTrue(e.getMessage().contains("expected a policy document of at most 256 KiB"), e.getMessage());
        assertTrue(e.getMessage().matches(".*found NetworkPolicy shop/\\S+ of [0-9.]+ MiB; nothing was written"), e.getMessage());
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aPolicyUnderTheLimitIsWritten() throws IOException {
        Path out = tmp.resolve("out");
        new OutputRenderer(null).render(out, model(500));

        try (Stream<Path> files = Files.walk(out.resolve("networkpolicies"))) {
            long largest = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).max().orElse(0);
            assertTrue(largest > 10_000 && largest <= DocumentSize.MAX_BYTES, "largest " + largest);
        }
    }
}
