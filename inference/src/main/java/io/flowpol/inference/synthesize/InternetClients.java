package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.WorkloadId;
import java.util.List;

/**
 * The clients of an internet-facing port summarised as one rule (issue 19 item 3): more distinct
 * external addresses reached {@code server} on this port than {@code --internet-clients-threshold},
 * so the rule allows {@code allowed} (every address, or the few networks they came from) instead of
 * one block per client, which would outgrow the API server's object limit and cut tomorrow's new
 * clients. Totals are exact; {@code topNetworks} are the busiest /24 (IPv4) and /48 (IPv6) networks
 * by distinct clients and {@code rest} the networks beyond them, summed.
 *
 * @param edges the learned edges this summary stands for (each one external client, or one client
 *     network summarised as it was counted, issue 13 item 4)
 * @param estimated the distinct counts include an estimate (networks beyond the per-port limit, IPv6)
 */
public record InternetClients(WorkloadId server, int protocol, int port, String portName, int distinctV4,
                              int distinctV6, Evidence evidence, List<Network> topNetworks, Network rest,
                              int networks, List<Cidr> allowed, List<Edge> edges, boolean estimated) {

    /** One client network: its block, distinct clients in it and their connections. */
    public record Network(Cidr network, int clients, long connections) {
    }

    public InternetClients {
        if (server == null || evidence == null || rest == null) {
            throw new IllegalArgumentException("server, evidence and rest are required");
        }
        topNetworks = List.copyOf(topNetworks);
        allowed = List.copyOf(allowed);
        edges = List.copyOf(edges);
    }

    public int distinctClients() {
        return distinctV4 + distinctV6;
    }

    /** True when the rule allows every address rather than the learned networks. */
    public boolean everyAddress() {
        return allowed.stream().allMatch(c -> c.prefix() == 0);
    }

    /** {@code 46501 distinct clients; top networks: 81.2.3.0/24 (256), ...; 180 more networks (44000)}. */
    public String text() {
        StringBuilder out = new StringBuilder().append(estimated ? "about " : "").append(distinctClients())
                .append(" distinct clients");
        if (!topNetworks.isEmpty()) {
            out.append("; top networks: ");
            for (int i = 0; i < topNetworks.size(); i++) {
                Network n = topNetworks.get(i);
                out.append(i == 0 ? "" : ", ").append(n.network()).append(" (").append(n.clients()).append(')');
            }
        }
        if (rest.clients() > 0) {
            int more = networks - topNetworks.size();
            out.append("; ").append(more).append(more == 1 ? " more network (" : " more networks (")
                    .append(rest.clients()).append(')');
        }
        return out.toString();
    }
}
