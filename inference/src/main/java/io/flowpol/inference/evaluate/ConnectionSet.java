package io.flowpol.inference.evaluate;

import io.flowpol.inference.model.Protocol;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one endpoint may open to another: per protocol (IANA number) a {@link PortSet}.
 * Immutable. The canonical text (STYLE.md habit 3) is {@code All Connections} when TCP, UDP
 * and SCTP are all fully open, else the non-empty protocols sorted by name, e.g.
 * {@code TCP 8080,9090,UDP 53} — the form netpol-analyzer uses in its connlist output.
 */
public final class ConnectionSet {
    /** The protocols a NetworkPolicy port can name (Kubernetes API: TCP, UDP, SCTP). */
    public static final int[] POLICY_PROTOCOLS = {Protocol.SCTP, Protocol.TCP, Protocol.UDP};
    public static final ConnectionSet NONE = new ConnectionSet(Map.of());
    public static final ConnectionSet ALL = all();

    private final Map<Integer, PortSet> byProtocol;

    private ConnectionSet(Map<Integer, PortSet> byProtocol) {
        this.byProtocol = byProtocol;
    }

    private static ConnectionSet all() {
        Map<Integer, PortSet> map = new TreeMap<>();
        for (int p : POLICY_PROTOCOLS) {
            map.put(p, PortSet.ALL);
        }
        return new ConnectionSet(Collections.unmodifiableMap(map));
    }

    public static ConnectionSet of(int protocol, PortSet ports) {
        return ports.isEmpty() ? NONE : new ConnectionSet(Map.of(protocol, ports));
    }

    public ConnectionSet union(ConnectionSet other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        Map<Integer, PortSet> map = new TreeMap<>(byProtocol);
        other.byProtocol.forEach((protocol, ports) -> map.merge(protocol, ports, PortSet::union));
        return new ConnectionSet(Collections.unmodifiableMap(map));
    }

    public PortSet ports(int protocol) {
        return byProtocol.getOrDefault(protocol, PortSet.EMPTY);
    }

    /** Protocol number → ports, only non-empty entries. */
    public Map<Integer, PortSet> byProtocol() {
        return byProtocol;
    }

    public boolean isEmpty() {
        return byProtocol.isEmpty();
    }

    public boolean isAll() {
        for (int p : POLICY_PROTOCOLS) {
            if (!ports(p).equals(PortSet.ALL)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionSet other && byProtocol.equals(other.byProtocol);
    }

    @Override
    public int hashCode() {
        return byProtocol.hashCode();
    }

    @Override
    public String toString() {
        if (isAll()) {
            return "All Connections";
        }
        if (isEmpty()) {
            return "No Connections";
        }
        Map<String, PortSet> byName = new TreeMap<>();
        byProtocol.forEach((protocol, ports) -> byName.put(Protocol.name(protocol), ports));
        StringBuilder out = new StringBuilder();
        byName.forEach((name, ports) -> {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(name).append(' ').append(ports);
        });
        return out.toString();
    }
}
