package io.flowpol.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How to reach the cluster: kubeconfig and context, or the pod's service account in-cluster. */
public final class KubeOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "kubeconfig file. Default: $KUBECONFIG, then ~/.kube/config; in a pod, its service account.")
    public Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context. Default: the current context.")
    public String context;

    public String kubeconfigOrNull() {
        return kubeconfig == null ? null : kubeconfig.toString();
    }
}
