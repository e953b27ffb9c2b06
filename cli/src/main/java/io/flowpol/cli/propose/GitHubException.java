package io.flowpol.cli.propose;

/** A GitHub API call failed; the message names the call and status and never contains the token. */
public final class GitHubException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public GitHubException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
