package io.flowpol.cli;

import io.flowpol.inference.diff.ConnectivityDiff;
import io.flowpol.inference.diff.ConnectivityDiffer;
import io.flowpol.inference.diff.PolicyPorts;
import io.flowpol.inference.diff.StructuralDiff;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.templates.diff.DiffReport;
import io.flowpol.templates.diff.PullRequestBodyRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The pull request description: the learned result and the dry-run diff of the base branch's
 * policies as they are today against the proposal as committed, kept files included (issue 15 items 2, 3).
 */
final class ProposalBody {
    private ProposalBody() {
    }

    static String render(LearningPipeline.Learned learned, Path current, Path proposed) {
        PolicySide before = Files.isDirectory(current) ? PolicySide.directory(current)
                : new PolicySide(current + " (none yet)", PolicySet.EMPTY, Map.of(), List.of());
        PolicySide after = PolicySide.directory(proposed);
        CalicoPolicyMatcher calico = new CalicoPolicyMatcher();
        ConnectivityDiff connectivity = new ConnectivityDiffer(new EndpointCatalog(learned.recording().timeline()),
                ConnectivityDiffer::dnsToKubeDns).diff(new PolicyEngine(before.policies(), calico),
                new PolicyEngine(after.policies(), calico), learned.result().edges(),
                PolicyPorts.of(before.policies(), after.policies()));
        StructuralDiff structure = StructuralDiff.of(before.documents(), after.documents());
        DiffReport report = new DiffReport("base branch", "this pull request", connectivity, structure,
                learned.result().findings());
        return new PullRequestBodyRenderer().render(learned.result(), report);
    }
}
