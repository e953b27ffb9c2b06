package io.flowpol.ingest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.util.Yaml;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shipped manifests (samples/deploy) stay in step with the recorder: RBAC grants exactly
 * what {@link ResourceKind} lists and watches, and the Deployment runs under that account,
 * writing onto its volume.
 */
class DeployManifestsTest {

    private static List<Object> load(String name) throws IOException {
        Path repo = Path.of(System.getProperty("flowpol.repo.dir", ".."));
        return Yaml.loadAll(new File(repo.resolve("samples/deploy").resolve(name).toString()));
    }

    private static <T> T only(List<Object> documents, Class<T> type) {
        List<T> found = documents.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), type.getSimpleName());
        return found.get(0);
    }

    @Test
    void clusterRoleGrantsReadOnlyAccessToExactlyTheRecordedKinds() throws IOException {
        V1ClusterRole role = only(load("rbac.yaml"), V1ClusterRole.class);
        Set<String> granted = new TreeSet<>();
        for (V1PolicyRule rule : role.getRules()) {
            assertEquals(Set.of("get", "list", "watch"), Set.copyOf(rule.getVerbs()), rule.toString());
            for (String group : rule.getApiGroups()) {
                rule.getResources().forEach(resource -> granted.add(group + "/" + resource));
            }
        }
        Set<String> recorded = new TreeSet<>();
        for (ResourceKind kind : ResourceKind.values()) {
            recorded.add(kind.group() + "/" + kind.plural());
        }
        assertEquals(recorded, granted);
    }

    @Test
    void bindingTiesTheRoleToTheServiceAccount() throws IOException {
        List<Object> rbac = load("rbac.yaml");
        V1ClusterRoleBinding binding = only(rbac, V1ClusterRoleBinding.class);
        V1ServiceAccount account = only(rbac, V1ServiceAccount.class);
        assertEquals(only(rbac, V1ClusterRole.class).getMetadata().getName(), binding.getRoleRef().getName());
        RbacV1Subject subject = binding.getSubjects().get(0);
        assertEquals(List.of("ServiceAccount", "flowpol", "flowpol"),
                List.of(subject.getKind(), account.getMetadata().getName(), account.getMetadata().getNamespace()));
        assertEquals(List.of(account.getMetadata().getName(), account.getMetadata().getNamespace()),
                List.of(subject.getName(), subject.getNamespace()));
    }

    @Test
    void recorderRunsAsTheAccountAndWritesOntoItsClaim() throws IOException {
        List<Object> recorder = load("recorder.yaml");
        V1Deployment deployment = only(recorder, V1Deployment.class);
        V1PersistentVolumeClaim claim = only(recorder, V1PersistentVolumeClaim.class);
        V1PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertEquals("flowpol", pod.getServiceAccountName());
        assertEquals(1, deployment.getSpec().getReplicas());
        assertEquals("Recreate", deployment.getSpec().getStrategy().getType(), "one writer per file");
        assertEquals(claim.getMetadata().getNamespace(), deployment.getMetadata().getNamespace());

        V1Container container = pod.getContainers().get(0);
        List<String> args = container.getArgs();
        assertEquals("record", args.get(0));
        String out = args.get(args.indexOf("--out") + 1);
        V1VolumeMount mount = container.getVolumeMounts().stream().filter(m -> out.startsWith(m.getMountPath() + "/"))
                .findFirst().orElseThrow();
        String claimName = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow().getPersistentVolumeClaim().getClaimName();
        assertEquals(claim.getMetadata().getName(), claimName);
        assertTrue(args.contains("--append"), "a restarted pod continues its recording");
    }
}
