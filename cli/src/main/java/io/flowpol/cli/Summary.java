package io.flowpol.cli;

import io.flowpol.inference.model.Finding;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The few lines {@code generate} prints when done: what was learned and written, and the warnings. */
final class Summary {
    private Summary() {
    }

    static void print(PrintWriter out, PrintWriter err, Path dir, SynthesizedPolicies policies,
                      LearningPipeline.Learned learned) {
        print(out, err, dir, policies, learned, io.flowpol.templates.render.OutputModel.Dialects.KUBERNETES);
    }

    /** {@code dialects}: which sets were written, and whether as staged kinds (issue 16). */
    static void print(PrintWriter out, PrintWriter err, Path dir, SynthesizedPolicies policies,
                      LearningPipeline.Learned learned, io.flowpol.templates.render.OutputModel.Dialects dialects) {
        var result = learned.result();
        var read = learned.read();
        out.printf("flowpol: read %,d flow-log records from %d %s (%,d malformed skipped)%s%n",
                read.records(), read.sources(), read.units(), read.malformed(), read.cost().isEmpty() ? "" : "; " + read.cost());
        out.printf("flowpol: learned %s, %s (not allowed), %s%n", count(result.edges().size(), "edge"),
                count(result.attempts().size(), "attempt"), count(result.snatEgress().size(), "SNAT-hidden egress destination"));
        String staged = dialects.staged() ? "staged " : "";
        if (dialects.kubernetes()) {
            out.printf("flowpol: wrote %d %sNetworkPolicies and %d %sCalico GlobalNetworkPolicies to %s (review %s)%n",
                    policies.policies().networkPolicies().size(), staged, policies.policies().calicoPolicies().size(),
                    staged, dir, dir.resolve("report.md"));
        }
        if (dialects.calico() != null) {
            var calico = dialects.calico().policies();
            long global = calico.calicoPolicies().stream().filter(p -> p.kind().global()).count();
            out.printf("flowpol: wrote %d %sCalico NetworkPolicies, %d %sGlobalNetworkPolicies, %d GlobalNetworkSets and"
                    + " the flowpol Tier to %s, proven equivalent to the Kubernetes set (review %s)%n",
                    calico.calicoPolicies().size() - global, staged, global, staged, calico.networkSets().size(),
                    dir.resolve("calico"), dir.resolve("report.md"));
        }
        for (Finding f : result.findings()) {
            if (f.severity() != Finding.Severity.INFO) {
                err.printf("flowpol: %s: %s%n", f.severity().name().toLowerCase(java.util.Locale.ROOT), f.message());
            }
        }
        out.flush();
        err.flush();
    }

    /** "1 edge", "37 edges": the summary is read by people first. */
    static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
