package io.flowpol.inference.synthesize;

import static io.flowpol.inference.synthesize.Fixtures.FRONTEND;
import static io.flowpol.inference.synthesize.Fixtures.edge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternetClientSummarizerTest {

    private static List<Edge> clients(String prefix, int networks, int perNetwork, int port) {
        List<Edge> edges = new ArrayList<>();
        for (int n = 0; n < networks; n++) {
            for (int h = 1; h <= perNetwork; h++) {
                edges.add(edge(Peer.external(IpAddress.parse(prefix + n + "." + h)), Peer.workload(FRONTEND), port, 2));
            }
        }
        return edges;
    }

    @Test
    void thresholdIsExclusive() {
        assertEquals(List.of(), InternetClientSummarizer.summarize(clients("81.2.", 1, 200, 443), 200));
        assertEquals(1, InternetClientSummarizer.summarize(clients("81.2.", 1, 201, 443), 200).size());
    }

    @Test
    void manyNetworksAllowEveryAddressWithExactTotalsAndTopNetworks() {
        List<Edge> edges = clients("81.2.", 20, 30, 443);
        edges.add(edge(Peer.external(IpAddress.parse("81.2.7.200")), Peer.workload(FRONTEND), 443, 2));
        edges.add(edge(Peer.external(IpAddress.parse("2001:db8:1::7")), Peer.workload(FRONTEND), 443, 2));
        InternetClients s = InternetClientSummarizer.summarize(edges, 256).get(0);

        assertEquals(List.of(Cidr.parse("0.0.0.0/0"), Cidr.parse("::/0")), s.allowed());
        assertEquals(601, s.distinctV4());
        assertEquals(1, s.distinctV6());
        assertEquals(21, s.networks());
        assertEquals(1204, s.evidence().connections());
        assertEquals(Cidr.parse("81.2.7.0/24"), s.topNetworks().get(0).network(), "the busiest network first");
        assertEquals(31, s.topNetworks().get(0).clients());
        int listed = s.topNetworks().stream().mapToInt(InternetClients.Network::clients).sum();
        assertEquals(s.distinctClients(), listed + s.rest().clients());
        assertTrue(s.text().startsWith("602 distinct clients; top networks: 81.2.7.0/24 (31), "), s.text());
        assertTrue(s.text().endsWith("; 11 more networks (301)"), s.text());
    }

    @Test
    void perNetworkAllowsEveryClientNetworkHoweverMany() {
        List<Edge> edges = clients("81.2.", 20, 30, 443);
        InternetClients every = InternetClientSummarizer.summarize(edges, 256, List.of(), false).get(0);
        InternetClients networks = InternetClientSummarizer.summarize(edges, 256, List.of(), true).get(0);
        assertEquals(List.of(io.flowpol.inference.model.Cidr.parse("0.0.0.0/0")), every.allowed());
        assertEquals(20, networks.allowed().size());
        assertTrue(networks.allowed().stream().allMatch(c -> c.prefix() == 24), networks.allowed().toString());
        assertEquals(every.distinctClients(), networks.distinctClients());
    }

    @Test
    void fewNetworksAreAllowedAsLearnedBlocks() {
        InternetClients s = InternetClientSummarizer.summarize(clients("81.2.", 3, 100, 443), 256).get(0);
        assertEquals(List.of(Cidr.parse("81.2.0.0/24"), Cidr.parse("81.2.1.0/24"), Cidr.parse("81.2.2.0/24")), s.allowed());
    }

    @Test
    void privateClientsAndOtherPortsAreNotCounted() {
        List<Edge> edges = new ArrayList<>(clients("10.9.", 2, 200, 443));
        edges.addAll(clients("81.2.", 1, 200, 443));
        edges.addAll(clients("81.3.", 1, 200, 80));
        assertEquals(List.of(), InternetClientSummarizer.summarize(edges, 256));
    }

    @Test
    void synthesisWritesOneRuleForThePortAndKeepsOtherClientsExact() {
        List<Edge> edges = new ArrayList<>(clients("81.2.", 20, 30, 443));
        edges.add(edge(Peer.external(IpAddress.parse("10.50.0.9")), Peer.workload(FRONTEND), 443, 1));
        SynthesizedPolicies out = new PolicySynthesizer(SynthesisOptions.defaults())
                .synthesize(new io.flowpol.inference.model.InferenceResult(edges, List.of(), List.of(), null, List.of()),
                        new Fixtures().cluster());
        var frontend = out.policies().networkPolicies().stream().filter(p -> p.name().equals("frontend")).findFirst()
                .orElseThrow();
        assertEquals(2, frontend.ingress().size(), frontend.ingress().toString());
        assertTrue(frontend.ingress().toString().contains("0.0.0.0/0"), frontend.ingress().toString());
        assertTrue(frontend.ingress().toString().contains("10.50.0.9/32"), frontend.ingress().toString());
        assertEquals(1, out.internetClients().size());
        assertTrue(out.findings().stream().anyMatch(f -> f.code().equals("internet-facing") && f.count() == 600));
        assertEquals(1, out.unsummarised(edges).size());
    }
}
