package io.flowpol.templates.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.inference.diff.DocumentDiff;
import io.flowpol.inference.diff.EdgeChange;
import io.flowpol.inference.diff.ReachabilityChange;
import io.flowpol.inference.diff.StructuralDiff;
import io.flowpol.inference.evaluate.Verdict;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.Protocol;
import io.flowpol.templates.render.EvidenceText;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * {@code flowpol diff -o json}: the same content as the other formats, unescaped, with every
 * observed edge (unchanged ones too), broken first. Field names are a contract for scripts.
 */
final class DiffJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<EdgeChange.Status> STATUS_ORDER = List.of(EdgeChange.Status.BROKEN,
            EdgeChange.Status.STILL_DENIED, EdgeChange.Status.FIXED, EdgeChange.Status.UNCHANGED);

    private DiffJson() {
    }

    static String write(DiffReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("current", report.currentName());
        root.put("proposed", report.proposedName());
        long broken = report.connectivity().broken();
        root.put("broken", broken);
        root.put("deniedAfter", report.connectivity().deniedAfter());
        root.put("headline", DiffViews.headline(broken));
        ArrayNode edges = root.putArray("edges");
        report.connectivity().edges().stream()
                .sorted(Comparator.comparingInt((EdgeChange c) -> STATUS_ORDER.indexOf(c.status()))
                        .thenComparing(EdgeChange::edge))
                .forEach(change -> edge(edges.addObject(), change));
        reach(root.putArray("overPermission"), report.connectivity().overPermission());
        reach(root.putArray("unobservedChanges"), report.connectivity().unobservedChanges());
        structure(root.putObject("structure"), report.structure());
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            findings.addObject().put("severity", finding.severity().name()).put("code", finding.code())
                    .put("message", finding.message()).put("count", finding.count());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void edge(ObjectNode out, EdgeChange change) {
        Edge edge = change.edge();
        out.put("status", change.status().name());
        out.put("client", edge.client().toString());
        out.put("server", edge.server().toString());
        out.put("protocol", Protocol.name(edge.protocol()));
        out.put("port", edge.port());
        out.put("portName", edge.portName());
        if (edge.evidence() != null) {
            out.put("connections", edge.evidence().connections());
            out.put("firstSeen", EvidenceText.time(edge.evidence().firstSeen()));
            out.put("lastSeen", EvidenceText.time(edge.evidence().lastSeen()));
        }
        verdict(out.putObject("before"), change.before());
        verdict(out.putObject("after"), change.after());
    }

    private static void verdict(ObjectNode out, Verdict verdict) {
        out.put("allowed", verdict.allowed());
        out.put("egress", verdict.egressDecision());
        out.put("ingress", verdict.ingressDecision());
        out.put("stagedAllowed", verdict.stagedAllowed());
    }

    private static void reach(ArrayNode out, List<ReachabilityChange> changes) {
        changes.stream().sorted(Comparator.comparing(ReachabilityChange::server).thenComparing(ReachabilityChange::client)
                        .thenComparingInt(ReachabilityChange::protocol).thenComparingInt(ReachabilityChange::port))
                .forEach(change -> out.addObject()
                        .put("client", change.client().toString()).put("server", change.server().toString())
                        .put("protocol", Protocol.name(change.protocol())).put("port", change.port())
                        .put("allowedBefore", change.allowedBefore()).put("allowedAfter", change.allowedAfter())
                        .put("observed", change.observed()));
    }

    private static void structure(ObjectNode out, StructuralDiff structure) {
        documents(out.putArray("added"), structure.added());
        documents(out.putArray("removed"), structure.removed());
        documents(out.putArray("changed"), structure.changed());
        out.put("unchanged", structure.unchanged());
    }

    private static void documents(ArrayNode out, List<DocumentDiff> documents) {
        documents.forEach(doc -> out.addObject().put("key", doc.key()).put("diff", doc.unifiedDiff()));
    }
}
