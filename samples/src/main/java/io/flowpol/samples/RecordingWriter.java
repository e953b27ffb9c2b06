package io.flowpol.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes {@code recording.jsonl}: the cluster as a watch would have seen it over the window
 * (DESIGN.md, "Cluster recording"). Everything that exists at the start is ADDED at the
 * start, as a watch's initial list; churn follows as ADDED/MODIFIED/DELETED at the instant
 * it happens. A few hundred events, so they are sorted in memory; ties keep causal order
 * (owner before pod). {@code metadata.resourceVersion} grows with every event, as etcd's does.
 */
final class RecordingWriter {
    private record Event(Instant time, int seq, String type, ObjectNode object) {
    }

    private final ClusterPlan plan;
    private final KubeObjects objects;
    private final Instant start;
    private final Ids ids;
    private final List<Event> events = new ArrayList<>();

    RecordingWriter(ClusterPlan plan, ScenarioOptions options) {
        this.plan = plan;
        this.objects = new KubeObjects(plan);
        this.start = options.start();
        this.ids = new Ids(options.seed(), 3);
    }

    void write(Path file) throws IOException {
        Instant created = start.minus(Duration.ofDays(30));
        for (String ns : plan.namespaces()) {
            add(start, "ADDED", objects.namespace(ns, ids.uid(), created));
        }
        for (NodePlan n : plan.nodes()) {
            add(start, "ADDED", objects.node(n, created));
        }
        workloads(created);
        plan.owners().forEach(this::owner);
        plan.pods().forEach(this::pod);
        for (ServicePlan s : plan.services()) {
            add(start, "ADDED", objects.service(s, ids.uid(), created));
        }
        add(start, "ADDED", objects.apiServerEndpoints(ids.uid(), created));
        events.sort(Comparator.comparing(Event::time).thenComparingInt(Event::seq));
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long resourceVersion = 100_000;
            for (Event e : events) {
                ((ObjectNode) e.object().get("metadata")).put("resourceVersion", Long.toString(++resourceVersion));
                ObjectNode line = mapper.createObjectNode().put("time", e.time().toString()).put("type", e.type());
                line.set("object", e.object());
                out.write(mapper.writeValueAsString(line));
                out.write('\n');
            }
        }
    }

    private void workloads(Instant created) {
        for (WorkloadPlan w : plan.workloads()) {
            add(start, "ADDED", objects.workload(w, created, 1, KubeObjects.OLD_TAG));
        }
        for (OwnerPlan o : plan.owners()) {
            boolean rollout = o.workload() == ScenarioCatalog.CART && o.created().isAfter(start);
            if (rollout) {
                add(o.created(), "MODIFIED", objects.workload(o.workload(), created, 2, KubeObjects.NEW_TAG));
            }
        }
    }

    private void owner(OwnerPlan o) {
        Instant first = o.created().isBefore(start) ? start : o.created();
        add(first, "ADDED", objects.owner(o, o.replicas(), false));
        if (o.retired() != null) {
            add(o.retired(), "MODIFIED", objects.owner(o, 0, true));
        }
        if (o.deleted() != null) {
            add(o.deleted(), "DELETED", objects.owner(o, 0, true));
        }
    }

    private void pod(PodPlan p) {
        if (p.created().isBefore(start)) {
            add(start, "ADDED", objects.pod(p, "Running", null));
        } else {
            add(p.created(), "ADDED", objects.pod(p, "Pending", null));
            add(p.running(), "MODIFIED", objects.pod(p, "Running", null));
        }
        if (p.stopping() != null) {
            String phase = p.succeeds() ? "Succeeded" : "Running";
            Instant deletion = p.succeeds() ? null : p.stopping();
            add(p.stopping(), "MODIFIED", objects.pod(p, phase, deletion));
            add(p.deleted(), "DELETED", objects.pod(p, phase, deletion));
        }
    }

    private void add(Instant time, String type, ObjectNode object) {
        events.add(new Event(time, events.size(), type, object));
    }
}
