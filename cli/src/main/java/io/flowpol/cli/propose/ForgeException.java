package io.flowpol.cli.propose;

/**
 * A call to the forge's API (GitHub or GitLab) failed; the message names the call and status
 * and never contains the token.
 */
public final class ForgeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ForgeException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
