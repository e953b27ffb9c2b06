package io.flowpol.inference.diff;

/**
 * What kind of peer a new reachability reaches, in risk order (most dangerous first): the
 * internet, the Kubernetes API server, nodes (the kubelet), workloads of other namespaces, other
 * VPC addresses, workloads of the same namespace.
 */
public enum PeerKind {
    INTERNET("the internet"),
    API_SERVER("the API server"),
    NODE("nodes"),
    OTHER_NAMESPACE("other namespaces"),
    VPC("VPC addresses"),
    SAME_NAMESPACE("its namespace");

    private final String text;

    PeerKind(String text) {
        this.text = text;
    }

    /** For headlines: {@code the internet}, {@code other namespaces}. */
    public String text() {
        return text;
    }
}
