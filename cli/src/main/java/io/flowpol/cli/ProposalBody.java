package io.flowpol.cli;

import io.flowpol.inference.diff.ConnectivityDiff;
import io.flowpol.inference.diff.StructuralDiff;
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
        // default VPC CIDRs: propose's --vpc-cidr is not passed down (that would change its call), and
        // it only decides whether a newly allowed range is labelled VPC addresses or the internet
        ConnectivityDiff connectivity = NewReachabilities.dryRun(learned, before, after, null);
        StructuralDiff structure = StructuralDiff.of(before.documents(), after.documents());
        DiffReport report = new DiffReport("base branch", "this pull request", connectivity, structure,
                learned.result().findings());
        return new PullRequestBodyRenderer().render(learned.result(), report);
    }
}
