package io.flowpol.cli.propose;

/**
 * Where the token for the forge comes from, named in the errors a user can fix (issue 15 item 5):
 * a rejected git push names the variable and the flag of the forge in use.
 */
public record TokenSource(String forge, String variable, String fileFlag) {
    public static final TokenSource GITHUB = new TokenSource("GitHub", "GITHUB_TOKEN", "--github-token-file");
    public static final TokenSource GITLAB = new TokenSource("GitLab", "GITLAB_TOKEN", "--gitlab-token-file");
}
