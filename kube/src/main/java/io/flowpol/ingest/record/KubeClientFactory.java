package io.flowpol.ingest.record;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the {@link ApiClient} that {@code flowpol record} watches with, the way kubectl finds
 * its cluster: in-cluster (service account) when running in a pod and nothing else was asked
 * for, otherwise a kubeconfig file ({@code --kubeconfig}, then {@code KUBECONFIG}, then
 * {@code ~/.kube/config}) and its current context or {@code --context}.
 */
public final class KubeClientFactory {
    /**
     * Credentials from a kubeconfig {@code exec} plugin are fetched again this often: EKS tokens
     * from {@code aws eks get-token} expire after 15 minutes, a learning window lasts hours.
     */
    static final Duration CREDENTIAL_REFRESH = Duration.ofMinutes(10);
    /** Longer than the server-side watch timeout, so only the server ends a quiet watch. */
    static final Duration READ_TIMEOUT = ClusterRecorder.WATCH_TIMEOUT.plusMinutes(1);

    private KubeClientFactory() {
    }

    /**
     * @param kubeconfigOrNull {@code --kubeconfig}, or null
     * @param contextOrNull {@code --context}, or null for the kubeconfig's current context
     * @throws InputException no kubeconfig found, unreadable, or without the context
     */
    public static ApiClient create(String kubeconfigOrNull, String contextOrNull) {
        return create(kubeconfigOrNull, contextOrNull, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static ApiClient create(String kubeconfigOrNull, String contextOrNull, Map<String, String> env, Path home) {
        if (kubeconfigOrNull == null && contextOrNull == null && env.get("KUBERNETES_SERVICE_HOST") != null) {
            return inCluster();
        }
        Path kubeconfig = kubeconfigPath(kubeconfigOrNull, env, home);
        return fromKubeconfig(kubeconfig, contextOrNull);
    }

    /** Which file is read: {@code --kubeconfig}, else the first existing {@code KUBECONFIG} entry, else {@code ~/.kube/config}. */
    static Path kubeconfigPath(String kubeconfigOrNull, Map<String, String> env, Path home) {
        if (kubeconfigOrNull != null) {
            return Path.of(kubeconfigOrNull);
        }
        String fromEnv = env.get("KUBECONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            // kubectl merges a list of files; flowpol reads the first one that exists
            for (String entry : fromEnv.split(File.pathSeparator)) {
                if (!entry.isBlank() && Files.isRegularFile(Path.of(entry))) {
                    return Path.of(entry);
                }
            }
        }
        return home.resolve(".kube").resolve("config");
    }

    static ApiClient fromKubeconfig(Path kubeconfig, String contextOrNull) {
        if (!Files.isRegularFile(kubeconfig)) {
            throw new InputException(InputProblem.error(kubeconfig.toString(), 0, "--kubeconfig",
                    "a kubeconfig file (or run inside the cluster)", "no such file"));
        }
        KubeConfig config;
        try (Reader reader = Files.newBufferedReader(kubeconfig, StandardCharsets.UTF_8)) {
            config = KubeConfig.loadKubeConfig(reader);
        } catch (IOException | RuntimeException e) {
            throw new InputException(InputProblem.error(kubeconfig.toString(), 0, "--kubeconfig",
                    "a readable kubeconfig", io.flowpol.inference.model.IoReason.of(e)), e);
        }
        // certificate and key file paths in a kubeconfig are relative to the file itself
        config.setFile(kubeconfig.toAbsolutePath().toFile());
        if (contextOrNull != null && !config.setContext(contextOrNull)) {
            throw new InputException(InputProblem.error(kubeconfig.toString(), 0, "--context",
                    "a context defined in the kubeconfig", contextOrNull));
        }
        if (config.getCurrentContext() == null || config.getCurrentContext().isEmpty()) {
            throw new InputException(InputProblem.error(kubeconfig.toString(), 0, "current-context",
                    "a current context, or --context", "none"));
        }
        try {
            return ClientBuilder.kubeconfig(config, CREDENTIAL_REFRESH).setReadTimeout(READ_TIMEOUT).build();
        } catch (IOException | RuntimeException e) {
            throw new InputException(InputProblem.error(kubeconfig.toString(), 0,
                    "context " + config.getCurrentContext(), "a usable cluster and user entry",
                    io.flowpol.inference.model.IoReason.of(e)), e);
        }
    }

    private static ApiClient inCluster() {
        try {
            // the projected service-account token is re-read by the client as the kubelet rotates it
            return ClientBuilder.cluster().setReadTimeout(READ_TIMEOUT).build();
        } catch (IOException | RuntimeException e) {
            // ClientBuilder.cluster() reads KUBERNETES_SERVICE_HOST/PORT and the mounted token and CA
            throw new InputException(InputProblem.error("/var/run/secrets/kubernetes.io/serviceaccount", 0,
                    "in-cluster config", "the pod's service-account token and CA", io.flowpol.inference.model.IoReason.of(e)), e);
        }
    }
}
