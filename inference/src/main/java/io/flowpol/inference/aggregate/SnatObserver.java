package io.flowpol.inference.aggregate;

/** Told of every SNAT-ed connection (node to external, DESIGN.md fact 3) with its own time span. */
@FunctionalInterface
public interface SnatObserver {
    SnatObserver NONE = (nodePeer, serverPeer, protocol, port, firstSeen, lastSeen) -> { };

    void connection(int nodePeer, int serverPeer, int protocol, int port, long firstSeen, long lastSeen);
}
