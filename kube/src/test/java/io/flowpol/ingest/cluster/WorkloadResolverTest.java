package io.flowpol.ingest.cluster;

import static io.flowpol.ingest.cluster.KubeObjects.event;
import static io.flowpol.ingest.cluster.KubeObjects.object;
import static io.flowpol.ingest.cluster.KubeObjects.owned;
import static io.flowpol.ingest.cluster.KubeObjects.pod;
import static io.flowpol.ingest.cluster.KubeObjects.selector;
import static io.flowpol.ingest.cluster.KubeObjects.templateLabels;
import static io.flowpol.ingest.cluster.KubeObjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.inference.model.LabelRequirement;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workload identity (DESIGN.md fact 9), read end to end through {@link ClusterRecordingReader}. */
class WorkloadResolverTest {

    private static final String T0 = "2024-05-01T10:00:00Z";

    @TempDir
    Path dir;

    private ClusterRecording recording;

    private Workload only(ObjectNode... objects) {
        List<String> lines = new ArrayList<>();
        for (ObjectNode object : objects) {
            lines.add(event(T0, "ADDED", object));
        }
        recording = new ClusterRecordingReader().read(List.of(write(dir, "r.jsonl", lines)));
        ClusterTimeline timeline = recording.timeline();
        assertEquals(1, timeline.workloads().size(), timeline.workloads().toString());
        assertEquals(timeline.workloads().get(0).id(), timeline.pods().get(0).workload());
        return timeline.workloads().get(0);
    }

    @Test
    void deploymentThroughReplicaSetSelectsWithoutPodTemplateHash() {
        ObjectNode deployment = templateLabels(selector(object("Deployment", "shop", "cart"), Map.of("app", "cart")),
                Map.of("app", "cart", "tier", "web"));
        ObjectNode replicaSet = selector(owned(object("ReplicaSet", "shop", "cart-7d9f8b"), "Deployment", "cart"),
                Map.of("app", "cart", "pod-template-hash", "7d9f8b"));
        ObjectNode pod = owned(pod("shop", "cart-7d9f8b-x1", "u1", "10.0.1.5", "n1",
                Map.of("app", "cart", "tier", "web", "pod-template-hash", "7d9f8b")), "ReplicaSet", "cart-7d9f8b");

        Workload workload = only(deployment, replicaSet, pod);
        assertEquals(new WorkloadId("shop", "Deployment", "cart"), workload.id());
        assertEquals(LabelSelector.of(Map.of("app", "cart")), workload.selector());
        assertEquals(Map.of("app", "cart", "tier", "web"), workload.podLabels());
    }

    @Test
    void deploymentMissingFromRecordingSelectsByItsReplicaSetNotByPodLabels() {
        ObjectNode replicaSet = templateLabels(selector(owned(object("ReplicaSet", "shop", "cart-7d9f8b"),
                "Deployment", "cart"), Map.of("app", "cart", "pod-template-hash", "7d9f8b")),
                Map.of("app", "cart", "version", "2.1", "pod-template-hash", "7d9f8b"));
        ObjectNode pod = owned(pod("shop", "cart-7d9f8b-x1", "u1", "10.0.1.5", "n1",
                Map.of("app", "cart", "version", "2.1", "pod-template-hash", "7d9f8b")), "ReplicaSet", "cart-7d9f8b");

        Workload workload = only(replicaSet, pod);
        assertEquals(new WorkloadId("shop", "Deployment", "cart"), workload.id());
        assertEquals(LabelSelector.of(Map.of("app", "cart")), workload.selector());
        assertEquals(Map.of("app", "cart", "version", "2.1"), workload.podLabels());
    }

    @Test
    void replicaSetMissingFromRecordingFallsBackToDeploymentByHashSuffix() {
        ObjectNode pod = owned(pod("shop", "cart-7d9f8b-x1", "u1", "10.0.1.5", "n1",
                Map.of("app", "cart", "pod-template-hash", "7d9f8b")), "ReplicaSet", "cart-7d9f8b");

        Workload workload = only(pod);
        assertEquals(new WorkloadId("shop", "Deployment", "cart"), workload.id());
        assertEquals(LabelSelector.of(Map.of("app", "cart")), workload.selector());
    }

    @Test
    void statefulSetSelectorComesFromItsSpecNotFromPerReplicaLabels() {
        ObjectNode statefulSet = selector(object("StatefulSet", "data", "db"), Map.of("app", "db"));
        statefulSet.withObjectProperty("spec").withObjectProperty("selector").putArray("matchExpressions")
                .addObject().put("key", "tier").put("operator", "In").putArray("values").add("data");
        ObjectNode pod = owned(pod("data", "db-0", "u1", "10.0.1.6", "n1", Map.of("app", "db", "tier", "data",
                "controller-revision-hash", "db-5c8", "statefulset.kubernetes.io/pod-name", "db-0")), "StatefulSet", "db");

        Workload workload = only(statefulSet, pod);
        assertEquals(new WorkloadId("data", "StatefulSet", "db"), workload.id());
        assertEquals(new LabelSelector(Map.of("app", "db"),
                List.of(new LabelRequirement("tier", LabelRequirement.Operator.IN, List.of("data")))), workload.selector());
        assertEquals(Map.of("app", "db", "tier", "data"), workload.podLabels());
    }

    @Test
    void daemonSetHostNetworkPodKeepsTheNodeAddressAndIsFlagged() {
        ObjectNode daemonSet = selector(object("DaemonSet", "kube-system", "aws-node"), Map.of("k8s-app", "aws-node"));
        ObjectNode pod = owned(pod("kube-system", "aws-node-abcde", "u1", "10.0.0.10", "n1",
                Map.of("k8s-app", "aws-node", "controller-revision-hash", "6f9")), "DaemonSet", "aws-node");
        pod.withObjectProperty("spec").put("hostNetwork", true);
        pod.withObjectProperty("status").put("hostIP", "10.0.0.10").remove(List.of("podIP", "podIPs"));

        Workload workload = only(daemonSet, pod);
        assertEquals(new WorkloadId("kube-system", "DaemonSet", "aws-node"), workload.id());
        assertEquals(LabelSelector.of(Map.of("k8s-app", "aws-node")), workload.selector());
        assertTrue(recording.timeline().pods().get(0).hostNetwork());
        assertEquals("10.0.0.10", recording.timeline().pods().get(0).ips().get(0).toString());
    }

    @Test
    void cronJobSelectsItsJobTemplateLabelsNotTheRunSpecificOnes() {
        ObjectNode cronJob = object("CronJob", "batch", "report");
        cronJob.withObjectProperty("spec").putObject("jobTemplate").putObject("spec").putObject("template")
                .putObject("metadata").putObject("labels").put("app", "report");
        ObjectNode job = owned(object("Job", "batch", "report-28512345"), "CronJob", "report");
        ObjectNode pod = owned(pod("batch", "report-28512345-q7x", "u1", "10.0.1.7", "n1", Map.of("app", "report",
                "job-name", "report-28512345", "batch.kubernetes.io/job-name", "report-28512345",
                "controller-uid", "c1", "batch.kubernetes.io/controller-uid", "c1")), "Job", "report-28512345");

        Workload workload = only(cronJob, job, pod);
        assertEquals(new WorkloadId("batch", "CronJob", "report"), workload.id());
        assertEquals(LabelSelector.of(Map.of("app", "report")), workload.selector());
    }

    @Test
    void jobMissingFromRecordingFallsBackToItsCronJobByNumericSuffix() {
        ObjectNode cronJob = object("CronJob", "batch", "report");
        ObjectNode pod = owned(pod("batch", "report-28512345-q7x", "u1", "10.0.1.7", "n1", Map.of("app", "report",
                "job-name", "report-28512345", "controller-uid", "c1")), "Job", "report-28512345");

        Workload workload = only(cronJob, pod);
        assertEquals(new WorkloadId("batch", "CronJob", "report"), workload.id());
        assertEquals(LabelSelector.of(Map.of("app", "report")), workload.selector());
    }

    @Test
    void plainJobKeepsItsStableJobNameLabel() {
        ObjectNode pod = owned(pod("batch", "migrate-q7x", "u1", "10.0.1.7", "n1",
                Map.of("job-name", "migrate", "controller-uid", "c1")), "Job", "migrate");

        Workload workload = only(pod);
        assertEquals(new WorkloadId("batch", "Job", "migrate"), workload.id());
        assertEquals(LabelSelector.of(Map.of("job-name", "migrate")), workload.selector());
    }

    @Test
    void barePodIsItsOwnWorkloadSelectedByItsLabels() {
        Workload workload = only(pod("ops", "debug", "u1", "10.0.1.8", "n1", Map.of("run", "debug")));

        assertEquals(new WorkloadId("ops", "Pod", "debug"), workload.id());
        assertEquals(LabelSelector.of(Map.of("run", "debug")), workload.selector());
    }

    @Test
    void workloadWithoutStableLabelsIsWarnedAbout() {
        Workload workload = only(pod("ops", "debug", "u1", "10.0.1.8", "n1", Map.of()));

        assertTrue(workload.selector().isEmpty());
        assertTrue(recording.warnings().stream().anyMatch(w -> w.message().contains("ops/Pod/debug")),
                recording.warnings().toString());
    }
}
