package io.flowpol.inference.policy;

import io.flowpol.inference.model.Cidr;
import java.util.List;

/**
 * The source or destination half of a Calico rule. Every part that is present must match
 * (AND); null selectors and empty lists are absent.
 */
public record CalicoEntityRule(
        String selector,
        String notSelector,
        String namespaceSelector,
        String serviceAccountSelector,
        List<Cidr> nets,
        List<Cidr> notNets,
        List<CalicoPort> ports,
        List<CalicoPort> notPorts) {

    public static final CalicoEntityRule ANY = new CalicoEntityRule(null, null, null, null, null, null, null, null);

    public CalicoEntityRule {
        nets = nets == null ? List.of() : List.copyOf(nets);
        notNets = notNets == null ? List.of() : List.copyOf(notNets);
        ports = ports == null ? List.of() : List.copyOf(ports);
        notPorts = notPorts == null ? List.of() : List.copyOf(notPorts);
    }
}
