package io.flowpol.ingest.record;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.kubernetes.client.openapi.models.V1Status;

/**
 * A list or watch that did not work. Fatal when retrying cannot help: the recorder lacks
 * permission (403: see {@code samples/deploy/rbac.yaml}) or the API does not serve the kind
 * (404). Anything else (connection refused, 5xx, 429, 401 while a token is refreshed) is retried
 * with backoff, because giving up would lose the learning window.
 */
final class WatchFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final int httpStatus;
    final boolean fatal;

    WatchFailure(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.fatal = httpStatus == 403 || httpStatus == 404;
    }

    static WatchFailure of(String what, int httpStatus, V1Status status) {
        String reason = status == null || status.getMessage() == null ? "" : ": " + status.getMessage();
        return new WatchFailure(what + ": HTTP " + httpStatus + reason, httpStatus, null);
    }

    /** The one-line error the CLI prints: what was needed, what the server said. */
    InputException toFatal(WatchScope scope) {
        String expected = switch (httpStatus) {
            case 401, 403 -> "permission to get/list/watch " + scope.kind().plural()
                    + " (apply samples/deploy/rbac.yaml)";
            case 404 -> "an API server that serves " + scope.kind().apiVersion() + " " + scope.kind().plural();
            default -> "a reachable API server";
        };
        return new InputException(InputProblem.error("cluster", 0, scope.describe(), expected, getMessage()), this);
    }
}
