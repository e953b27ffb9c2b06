package io.flowpol.ingest.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the policies in force from a live cluster for {@code flowpol diff --current cluster}
 * (issue 3 §3): {@code networking.k8s.io/v1} NetworkPolicies of all namespaces, and Calico's
 * policies from the Calico API server ({@code projectcalico.org/v3}) or, when it is not
 * installed, from the CRDs behind it ({@code crd.projectcalico.org/v1}). Reading both would
 * count every policy twice: the API server serves what the CRDs store. AdminNetworkPolicies and
 * the BaselineAdminNetworkPolicy ({@code policy.networking.k8s.io/v1alpha1}, cluster-scoped CRDs
 * the Kubernetes client has no typed API for) are read through the same dynamic client; a 404
 * means their CRDs are not installed, so none can be in force. Calico's GlobalNetworkSets
 * (cluster-scoped, same group as the policies) are read too: a rule that selects a set by its
 * labels matches the set's {@code nets}, and without them it would match no address; a 404 means
 * there are none.
 *
 * <p>A 404 for a whole Calico group means Calico is not installed; a 404 for one resource of
 * a served group means this Calico version lacks it (staged policies came in 3.30). Both are
 * notes, not errors. 401 and 403 stop the run, naming the verb and resource to grant.
 */
public final class ClusterPolicySource {
    static final int PAGE_SIZE = 500;
    static final String KUBERNETES_COPY_PREFIX = "knp.default.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<PolicyResource> ADMIN_POLICIES = List.of(
            new PolicyResource("policy.networking.k8s.io", "v1alpha1", "adminnetworkpolicies", "AdminNetworkPolicy"),
            new PolicyResource("policy.networking.k8s.io", "v1alpha1", "baselineadminnetworkpolicies",
                    "BaselineAdminNetworkPolicy"));
    private static final List<String> CALICO_POLICIES = List.of("globalnetworkpolicies", "networkpolicies",
            "stagedglobalnetworkpolicies", "stagednetworkpolicies", "stagedkubernetesnetworkpolicies");

    private final ApiClient client;
    private final List<String> notes = new ArrayList<>();

    private ClusterPolicySource(ApiClient client) {
        this.client = Objects.requireNonNull(client, "client == null");
    }

    /**
     * @throws InputException the credentials were refused (401) or lack RBAC permission (403),
     *     the API server does not serve NetworkPolicies, or it could not be reached
     */
    public static ClusterPolicies read(ApiClient client) {
        return new ClusterPolicySource(client).read();
    }

    private ClusterPolicies read() {
        List<JsonNode> documents = new ArrayList<>(list(
                new PolicyResource("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy")).items());
        CalicoSource calico = CalicoSource.NOT_INSTALLED;
        List<String> tiers = List.of();
        for (CalicoSource source : List.of(CalicoSource.API_SERVER, CalicoSource.CRDS)) {
            Listing first = list(PolicyResource.calico(source, "globalnetworkpolicies"));
            if (first.served()) {
                calico = source;
                documents.addAll(first.items());
                documents.addAll(calicoRest(source));
                documents.addAll(list(PolicyResource.calico(source, "globalnetworksets")).items());
                tiers = tiers(source);
                break;
            }
        }
        for (PolicyResource admin : ADMIN_POLICIES) {
            documents.addAll(list(admin).items());
        }
        if (calico == CalicoSource.NOT_INSTALLED) {
            notes.add("Calico is not installed (neither projectcalico.org/v3 nor crd.projectcalico.org/v1 is served):"
                    + " only Kubernetes NetworkPolicies are in force");
        }
        return new ClusterPolicies(client.getBasePath(), documents, calico, tiers, notes);
    }

    private List<JsonNode> calicoRest(CalicoSource source) {
        List<JsonNode> documents = new ArrayList<>();
        for (String plural : CALICO_POLICIES.subList(1, CALICO_POLICIES.size())) {
            Listing listing = list(PolicyResource.calico(source, plural));
            if (listing.served()) {
                documents.addAll(withoutKubernetesCopies(listing.items(), source, plural));
            } else {
                notes.add(source.apiVersion() + " " + plural + " is not served by this Calico version: none read");
            }
        }
        return documents;
    }

    /**
     * Calico's datastore layer shows each Kubernetes NetworkPolicy as a Calico NetworkPolicy
     * named {@code knp.default.<name>} (libcalico-go names.K8sNetworkPolicyNamePrefix); they are
     * already read from networking.k8s.io, and counting them twice would evaluate them twice.
     */
    private List<JsonNode> withoutKubernetesCopies(List<JsonNode> items, CalicoSource source, String plural) {
        List<JsonNode> kept = items.stream()
                .filter(item -> !item.path("metadata").path("name").asText().startsWith(KUBERNETES_COPY_PREFIX)).toList();
        if (kept.size() < items.size()) {
            notes.add((items.size() - kept.size()) + " " + source.apiVersion() + " " + plural + " named "
                    + KUBERNETES_COPY_PREFIX + "* skipped: Kubernetes NetworkPolicies, read from networking.k8s.io/v1");
        }
        return kept;
    }

    /** Tier names with their order (lower first; Calico evaluates tiers in order), for the report. */
    private List<String> tiers(CalicoSource source) {
        Listing listing = list(PolicyResource.calico(source, "tiers"));
        List<String> tiers = new ArrayList<>();
        for (JsonNode tier : listing.items()) {
            JsonNode order = tier.path("spec").path("order");
            String name = tier.path("metadata").path("name").asText();
            tiers.add(order.isNumber() ? name + " (order " + order.asText() + ")" : name);
        }
        tiers.sort(null);
        return tiers;
    }

    /** One resource across all namespaces, every page; {@code served} false on 404 (and 503 for Calico). */
    private Listing list(PolicyResource resource) {
        DynamicKubernetesApi api = new DynamicKubernetesApi(resource.group(), resource.version(), resource.plural(), client);
        List<JsonNode> items = new ArrayList<>();
        String next = null;
        do {
            ListOptions options = new ListOptions().limit(PAGE_SIZE);
            options.setContinue(next);
            KubernetesApiResponse<DynamicKubernetesListObject> response = page(api, resource, options);
            if (!response.isSuccess()) {
                return notServed(resource, response);
            }
            for (DynamicKubernetesObject item : response.getObject().getItems()) {
                items.add(document(item, resource));
            }
            V1ListMeta meta = response.getObject().getMetadata();
            next = meta == null ? null : meta.getContinue();
        } while (next != null && !next.isEmpty());
        return new Listing(true, items);
    }

    private KubernetesApiResponse<DynamicKubernetesListObject> page(DynamicKubernetesApi api, PolicyResource resource,
            ListOptions options) {
        try {
            return api.list(options);
        } catch (RuntimeException e) {
            // the generic client wraps an IOException (refused, timed out, TLS) in a RuntimeException
            throw new InputException(InputProblem.error("cluster", 0, "list " + resource.describe(),
                    "a reachable API server at " + client.getBasePath(), e.getMessage()), e);
        }
    }

    private Listing notServed(PolicyResource resource, KubernetesApiResponse<?> response) {
        int code = response.getHttpStatusCode();
        String message = response.getStatus() == null || response.getStatus().getMessage() == null
                ? "HTTP " + code : "HTTP " + code + ": " + response.getStatus().getMessage();
        boolean calico = resource.group().contains("projectcalico.org");
        if (code == 404 && (calico || ADMIN_POLICIES.contains(resource))) {
            return new Listing(false, List.of());
        }
        if (code == 503 && calico && resource.group().equals(CalicoSource.API_SERVER.group())) {
            // the aggregated Calico API is registered but its pods do not answer: the CRDs still hold the policies
            notes.add("the Calico API server is unavailable (" + message + "): policies read from its CRDs");
            return new Listing(false, List.of());
        }
        String expected = switch (code) {
            case 401 -> "credentials the API server accepts (refresh the kubeconfig's token)";
            case 403 -> "RBAC permission to list " + resource.describe() + " in all namespaces (ClusterRole verb list)";
            case 404 -> "an API server that serves " + resource.group() + "/" + resource.version() + " " + resource.plural();
            default -> "a successful list";
        };
        throw new InputException(InputProblem.error("cluster", 0, "list " + resource.describe(), expected, message));
    }

    /** The item with {@code apiVersion} and {@code kind}: list items of built-in types come without them. */
    private static JsonNode document(DynamicKubernetesObject item, PolicyResource resource) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(item.getRaw().toString());
            node.put("apiVersion", resource.group() + "/" + resource.version());
            node.put("kind", resource.kind());
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the client returned JSON it cannot print", e);
        }
    }

    private record Listing(boolean served, List<JsonNode> items) {
    }
}
