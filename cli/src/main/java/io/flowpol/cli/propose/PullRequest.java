package io.flowpol.cli.propose;

/**
 * The part of a GitHub pull request or a GitLab merge request flowpol needs; {@code number} is
 * the pull request number or the merge request's project-level {@code iid}.
 */
public record PullRequest(int number, String url, String title, String body) {
}
