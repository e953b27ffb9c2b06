package io.flowpol.inference.evaluate.calico;

import io.flowpol.inference.evaluate.EvalEndpoint;

/**
 * The label views Calico evaluates selectors against. Calico adds labels of its own to a
 * workload endpoint ({@code projectcalico.org/namespace}, {@code projectcalico.org/orchestrator},
 * {@code projectcalico.org/serviceaccount}) and exposes its namespace's labels as
 * {@code pcns.<key>} and its service account's as {@code pcsa.<key>}; a namespace carries
 * {@code projectcalico.org/name} (libcalico-go {@code k8s/conversion}, and the
 * {@code namespaceSelector} / {@code serviceAccountSelector} docs of the v3 CRDs). We only
 * know a service account's name, so its only label is {@code projectcalico.org/name}.
 */
final class EndpointLabels {
    static final String NAMESPACE = "projectcalico.org/namespace";
    static final String ORCHESTRATOR = "projectcalico.org/orchestrator";
    static final String SERVICE_ACCOUNT = "projectcalico.org/serviceaccount";
    static final String NAME = "projectcalico.org/name";
    static final String NAMESPACE_PREFIX = "pcns.";
    static final String SERVICE_ACCOUNT_PREFIX = "pcsa.";

    private EndpointLabels() {
    }

    /** A pod's labels plus Calico's implicit workload-endpoint labels. */
    static SelectorLabels workload(EvalEndpoint pod) {
        SelectorLabels namespace = namespace(pod);
        SelectorLabels serviceAccount = serviceAccount(pod);
        return key -> {
            switch (key) {
                case NAMESPACE:
                    return pod.namespace();
                case ORCHESTRATOR:
                    return "k8s";
                case SERVICE_ACCOUNT:
                    return pod.serviceAccount();
                default:
                    break;
            }
            if (key.startsWith(NAMESPACE_PREFIX)) {
                return namespace.get(key.substring(NAMESPACE_PREFIX.length()));
            }
            if (key.startsWith(SERVICE_ACCOUNT_PREFIX)) {
                return serviceAccount.get(key.substring(SERVICE_ACCOUNT_PREFIX.length()));
            }
            return pod.labels().get(key);
        };
    }

    /** The pod's namespace's labels plus {@code projectcalico.org/name}. */
    static SelectorLabels namespace(EvalEndpoint pod) {
        return key -> NAME.equals(key) ? pod.namespace() : pod.namespaceLabels().get(key);
    }

    /** The pod's service account as far as we know it: {@code projectcalico.org/name} only. */
    static SelectorLabels serviceAccount(EvalEndpoint pod) {
        return key -> NAME.equals(key) ? pod.serviceAccount() : null;
    }
}
