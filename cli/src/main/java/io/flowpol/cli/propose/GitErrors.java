package io.flowpol.cli.propose;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import org.eclipse.jgit.api.errors.TransportException;

/**
 * Turns JGit's transport failures into the one line a user can act on (issue 15 item 5): JGit
 * says "no CredentialsProvider has been registered" for an {@code http://} remote (flowpol sends
 * the token over HTTPS only) and just "not authorized" for a wrong token.
 */
final class GitErrors {
    private GitErrors() {
    }

    /** @param withToken whether a token was offered (never over http://) */
    static RuntimeException transport(String repository, String action, TransportException e, boolean withToken,
                                      TokenSource token) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        boolean auth = message.contains("CredentialsProvider") || message.contains("not authorized")
                || message.contains("Authentication is required") || message.contains("401");
        if (auth && !withToken && repository.startsWith("http://")) {
            return new InputException(InputProblem.error(repository, 0, "--git-repo",
                    "an https:// URL (the " + token.forge() + " token is only sent over HTTPS)", "an http:// URL the server wants credentials for"));
        }
        if (auth) {
            return new InputException(InputProblem.error(repository, 0, token.variable(),
                    "a token that may push to this repository, from " + token.variable() + " or " + token.fileFlag(),
                    "git " + action + " not authorized"));
        }
        return new InputException(InputProblem.error(repository, 0, "--git-repo", "a reachable git repository",
                "git " + action + " failed: " + message.replace(repository, "").replace("\n", " ").trim()));
    }
}
