package io.flowpol.ingest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.InputException;
import io.kubernetes.client.openapi.ApiClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeClientFactoryTest {
    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: dev
              cluster: {server: "https://dev.example:6443", insecure-skip-tls-verify: true}
            - name: prod
              cluster: {server: "https://prod.example:6443", insecure-skip-tls-verify: true}
            users:
            - name: me
              user: {token: abc}
            contexts:
            - name: dev
              context: {cluster: dev, user: me}
            - name: prod
              context: {cluster: prod, user: me}
            """;

    @TempDir
    Path dir;

    private Path kubeconfig() throws Exception {
        return Files.writeString(dir.resolve("config"), KUBECONFIG);
    }

    @Test
    void usesTheCurrentContextByDefault() throws Exception {
        ApiClient client = KubeClientFactory.create(kubeconfig().toString(), null, Map.of(), dir);
        assertEquals("https://dev.example:6443", client.getBasePath());
    }

    @Test
    void honoursContext() throws Exception {
        ApiClient client = KubeClientFactory.create(kubeconfig().toString(), "prod", Map.of(), dir);
        assertEquals("https://prod.example:6443", client.getBasePath());
    }

    @Test
    void readTimeoutOutlastsTheWatchTimeout() throws Exception {
        ApiClient client = KubeClientFactory.create(kubeconfig().toString(), null, Map.of(), dir);
        assertTrue(client.getReadTimeout() > ClusterRecorder.WATCH_TIMEOUT.toMillis());
    }

    @Test
    void unknownContextIsAnInputError() throws Exception {
        String path = kubeconfig().toString();
        InputException error = assertThrows(InputException.class,
                () -> KubeClientFactory.create(path, "staging", Map.of(), dir));
        assertTrue(error.getMessage().contains("--context") && error.getMessage().contains("staging"), error.getMessage());
    }

    @Test
    void kubeconfigEnvironmentWinsOverHomeAndSkipsMissingEntries() throws Exception {
        Path config = kubeconfig();
        String env = dir.resolve("missing") + File.pathSeparator + config;
        assertEquals(config, KubeClientFactory.kubeconfigPath(null, Map.of("KUBECONFIG", env), dir));
        assertEquals(dir.resolve(".kube/config"), KubeClientFactory.kubeconfigPath(null, Map.of(), dir));
        assertEquals(Path.of("given"), KubeClientFactory.kubeconfigPath("given", Map.of("KUBECONFIG", env), dir));
    }

    @Test
    void missingKubeconfigNamesTheFile() {
        InputException error = assertThrows(InputException.class,
                () -> KubeClientFactory.create(null, null, Map.of(), dir));
        assertTrue(error.getMessage().startsWith(dir.resolve(".kube/config").toString()), error.getMessage());
    }

    @Test
    void insideAPodWithoutKubeconfigUsesTheServiceAccount() {
        // no service-account files here: the in-cluster path is taken and says what it lacks
        InputException error = assertThrows(InputException.class,
                () -> KubeClientFactory.create(null, null, Map.of("KUBERNETES_SERVICE_HOST", "10.100.0.1"), dir));
        assertTrue(error.getMessage().contains("serviceaccount"), error.getMessage());
    }

    @Test
    void explicitKubeconfigWinsInsideAPod() throws Exception {
        ApiClient client = KubeClientFactory.create(kubeconfig().toString(), null,
                Map.of("KUBERNETES_SERVICE_HOST", "10.100.0.1"), dir);
        assertEquals("https://dev.example:6443", client.getBasePath());
    }
}
