package io.flowpol.templates.render;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.PeerSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The summaries behind edges whose VPC or external end is a network counted as a whole (issue 13
 * item 4), looked up by edge so that the report and edges.json show one entry per summarised class.
 */
final class SummarisedPeers {
    /** Busiest networks named per class in report.md. */
    static final int REPORT_TOP = 3;

    private record Key(Peer client, Peer server, int protocol, int port) {
    }

    private final Map<Key, PeerSummary> classes = new HashMap<>();

    SummarisedPeers(InferenceResult result) {
        for (PeerSummary s : result.peerSummaries()) {
            for (PeerSummary.Network n : s.networks()) {
                Edge e = s.edge(n, null);
                classes.put(new Key(e.client(), e.server(), e.protocol(), e.port()), s);
            }
        }
    }

    /** The class summary an edge of a summarised network belongs to, null for other edges. */
    PeerSummary classOf(Edge e) {
        return classes.isEmpty() ? null : classes.get(new Key(e.client(), e.server(), e.protocol(), e.port()));
    }

    /** {@code 812 networks, 41200 distinct addresses; top networks: 81.2.3.0/24 (250), ...}. */
    static String text(PeerSummary s) {
        long networks = s.networks().stream().mapToLong(PeerSummary.Network::networks).sum();
        boolean estimated = s.networks().stream().anyMatch(n -> n.network().prefix() == 0);
        StringBuilder out = new StringBuilder().append(estimated ? "about " : "").append(networks).append(" networks, ")
                .append(s.distinctExact() ? "" : "about ").append(s.distinctAddresses()).append(" distinct addresses");
        List<PeerSummary.Network> top = s.networks().stream().filter(n -> n.network().prefix() > 0).limit(REPORT_TOP)
                .toList();
        for (int i = 0; i < top.size(); i++) {
            out.append(i == 0 ? "; top networks: " : ", ").append(top.get(i).network()).append(" (")
                    .append(top.get(i).distinctAddresses()).append(')');
        }
        return out.toString();
    }
}
