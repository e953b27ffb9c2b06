package io.flowpol.cli.propose;

/** The part of a GitHub pull request flowpol needs. */
public record PullRequest(int number, String url, String title, String body) {
}
