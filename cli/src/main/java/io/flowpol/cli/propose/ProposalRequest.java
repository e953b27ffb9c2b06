package io.flowpol.cli.propose;

import java.nio.file.Path;
import java.util.List;

/**
 * What to publish where: the generated directory goes to {@code path} of {@code repository}
 * (URL or local path) on {@code branch}, based on {@code base}; the pull request gets
 * {@code title}, the body made from the base's policies and the proposal's, labels and reviewers.
 */
public record ProposalRequest(String repository, String base, String branch, String path, Path generated,
                              String commitMessage, String title, BodyMaker body, List<String> labels,
                              List<String> reviewers, String authorName, String authorEmail, boolean dryRun) {
    /**
     * Writes the pull request body from the base branch's policy directory as it is today (may
     * not exist) and the proposal's, as committed (generated files plus the ones a human kept).
     */
    @FunctionalInterface
    public interface BodyMaker {
        String body(Path basePolicies, Path proposedPolicies);
    }

    public ProposalRequest {
        labels = labels == null ? List.of() : List.copyOf(labels);
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
    }
}
