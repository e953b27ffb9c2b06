package io.flowpol.templates.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.inference.diff.DocumentDiff;
import io.flowpol.inference.diff.EdgeChange;
import io.flowpol.inference.diff.NewReachability;
import io.flowpol.inference.diff.ReachabilityChange;
import io.flowpol.inference.diff.SnatChange;
import io.flowpol.inference.snat.SnatVerdict;
import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.policy.PolicyType;
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
        root.put("headline", DiffViews.headline(broken, report.connectivity().newReachability()));
        newReachability(root.putArray("newReachability"), report.connectivity().newReachability());
        ArrayNode edges = root.putArray("edges");
        report.connectivity().edges().stream()
                .sorted(Comparator.comparingInt((EdgeChange c) -> STATUS_ORDER.indexOf(c.status()))
                        .thenComparing(EdgeChange::edge))
                .forEach(change -> edge(edges.addObject(), change));
        snat(root.putArray("snatEgress"), report.connectivity().snat());
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

    /** Every SNAT-ed destination and port (issue 14): what each side allows of its candidates. */
    private static void snat(ArrayNode out, List<SnatChange> changes) {
        for (SnatChange change : changes) {
            SnatVerdict after = change.after();
            ObjectNode row = out.addObject();
            row.put("destination", after.attribution().destination().toString());
            row.put("protocol", Protocol.name(after.attribution().protocol()));
            row.put("port", after.attribution().port());
            row.put("connections", after.attribution().connections());
            row.put("before", change.before().reach().name());
            row.put("after", after.reach().name());
            row.put("allowedFromAll", after.allowedFromAll());
            row.put("allowedFromSome", after.allowedFromSome());
            row.put("allowedFromNone", after.allowedFromNone());
            row.put("noPodCandidate", after.unattributed());
            ObjectNode candidates = row.putObject("candidates");
            after.candidates().forEach((w, allowed) -> candidates.put(w.toString(), allowed ? "allowed" : "denied"));
            ArrayNode hostNetwork = row.putArray("hostNetwork");
            after.hostNetwork().forEach(w -> hostNetwork.add(w.toString()));
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

    /** Riskiest first; {@code ports}: protocol name -> list of [first, last] ranges. */
    private static void newReachability(ArrayNode out, List<NewReachability> rows) {
        for (NewReachability r : rows) {
            ObjectNode row = out.addObject();
            row.put("workload", r.workload().toString());
            row.put("direction", r.direction() == PolicyType.EGRESS ? "egress" : "ingress");
            row.put("kind", r.kind().name());
            ArrayNode kinds = row.putArray("kinds");
            r.kinds().forEach(k -> kinds.add(k.name()));
            ObjectNode peer = row.putObject("peer");
            if (r.addressPeer()) {
                ArrayNode cidrs = peer.putArray("cidrs");
                r.cidrs().forEach(cidrs::add);
                peer.put("enclosing", r.enclosing());
                ArrayNode except = peer.putArray("except");
                r.except().forEach(except::add);
            } else {
                peer.put("namespace", r.namespace());
                ArrayNode workloads = peer.putArray("workloads");
                r.workloads().forEach(w -> workloads.add(w.toString()));
            }
            ports(row.putObject("allowedAfter"), r.allowedAfter());
            ports(row.putObject("newlyAllowed"), r.newlyAllowed());
            row.put("addresses", r.addresses());
            row.put("newAddresses", r.newAddresses());
            row.put("newPorts", r.newPorts());
            row.put("observedConnections", r.observedConnections());
            row.put("summary", r.summary());
        }
    }

    private static void ports(ObjectNode out, ConnectionSet set) {
        set.byProtocol().forEach((protocol, ports) -> {
            ArrayNode ranges = out.putArray(Protocol.name(protocol));
            ports.ranges().forEach(range -> ranges.addArray().add(range[0]).add(range[1]));
        });
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
