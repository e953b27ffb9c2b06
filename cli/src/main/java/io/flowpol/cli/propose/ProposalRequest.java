package io.flowpol.cli.propose;

import java.nio.file.Path;
import java.util.List;

/**
 * What to publish where: the generated directory goes to {@code path} of {@code repository}
 * (URL or local path) on {@code branch}, based on {@code base}; the pull request gets
 * {@code title}, the body made from the policies the branch had before, labels and reviewers.
 */
public record ProposalRequest(String repository, String base, String branch, String path, Path generated,
                              String commitMessage, String title, BodyMaker body, List<String> labels,
                              List<String> reviewers, String authorName, String authorEmail, boolean dryRun) {
    /** Writes the pull request body, given the policy directory as it was before the proposal (may not exist). */
    @FunctionalInterface
    public interface BodyMaker {
        String body(Path currentPolicies);
    }

    public ProposalRequest {
        labels = labels == null ? List.of() : List.copyOf(labels);
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
    }
}
