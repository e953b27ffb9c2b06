package io.flowpol.ingest.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.evaluate.Connection;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoNetworkSet;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.policy.CalicoPolicy;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterPolicySourceTest {
    private static final String K8S = "networking.k8s.io/v1";
    private static final String V3 = "projectcalico.org/v3";
    private static final String CRD = "crd.projectcalico.org/v1";
    private static final String DENY_KUBELET = """
            {"apiVersion":"%s","kind":"GlobalNetworkPolicy","metadata":{"name":"%s"},
             "spec":{"selector":"all()","types":["Ingress"],
                     "ingress":[{"action":"Deny","protocol":"TCP","destination":{"ports":[10250]}}]}}""";

    private PolicyApiServer api;
    private ApiClient client;

    @BeforeEach
    void start() throws Exception {
        api = new PolicyApiServer();
        client = new ClientBuilder().setBasePath(api.url()).build();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static String networkPolicy(String namespace, String name) {
        return "{\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + namespace + "\",\"uid\":\"u-" + name + "\"},"
                + "\"spec\":{\"podSelector\":{},\"policyTypes\":[\"Ingress\"]}}";
    }

    private static List<String> keys(ClusterPolicies policies) {
        return List.copyOf(PolicyDocuments.normalise(policies.documents(), "cluster").keySet());
    }

    @Test
    void networkPoliciesOfAllNamespacesAreReadWithApiVersionAndKind() {
        api.add(K8S, "networkpolicies", networkPolicy("shop", "default-deny"))
                .add(K8S, "networkpolicies", networkPolicy("data", "db"));

        ClusterPolicies policies = ClusterPolicySource.read(client);

        assertEquals(List.of("networking.k8s.io/NetworkPolicy/data/db", "networking.k8s.io/NetworkPolicy/shop/default-deny"),
                keys(policies));
        JsonNode first = policies.documents().get(0);
        assertEquals(K8S, first.path("apiVersion").asText(), "list items come without apiVersion");
        assertEquals("NetworkPolicy", first.path("kind").asText());
        assertTrue(api.requests().get(0).startsWith("/apis/networking.k8s.io/v1/networkpolicies?limit=500"),
                "one cluster-wide list: " + api.requests());
    }

    @Test
    void absentCalicoGroupsMeanCalicoIsNotInstalledNotAnError() {
        api.serve(K8S, "networkpolicies");

        ClusterPolicies policies = ClusterPolicySource.read(client);

        assertEquals(CalicoSource.NOT_INSTALLED, policies.calico());
        assertEquals(List.of(), policies.documents());
        assertTrue(policies.notes().get(0).startsWith("Calico is not installed"), policies.notes().toString());
        assertEquals("cluster " + api.url() + ": 0 NetworkPolicies, Calico not installed", policies.description());
    }

    @Test
    void calicoApiServerIsReadAndItsCrdsAreNot() {
        api.serve(K8S, "networkpolicies")
                .add(V3, "globalnetworkpolicies", DENY_KUBELET.formatted(V3, "deny-kubelet"))
                .add(V3, "networkpolicies", "{\"apiVersion\":\"" + V3 + "\",\"kind\":\"NetworkPolicy\","
                        + "\"metadata\":{\"name\":\"allow-web\",\"namespace\":\"shop\"},\"spec\":{\"selector\":\"app == 'web'\"}}")
                .serve(V3, "stagedglobalnetworkpolicies").serve(V3, "stagednetworkpolicies")
                .serve(V3, "stagedkubernetesnetworkpolicies")
                .add(V3, "tiers", "{\"metadata\":{\"name\":\"security\"},\"spec\":{\"order\":100}}")
                .add(V3, "tiers", "{\"metadata\":{\"name\":\"default\"},\"spec\":{\"order\":1000000}}")
                .add(CRD, "globalnetworkpolicies", DENY_KUBELET.formatted(CRD, "default.deny-kubelet"));

        ClusterPolicies policies = ClusterPolicySource.read(client);

        assertEquals(CalicoSource.API_SERVER, policies.calico());
        assertEquals(List.of("projectcalico.org/GlobalNetworkPolicy/deny-kubelet",
                "projectcalico.org/NetworkPolicy/shop/allow-web"), keys(policies));
        assertEquals(List.of("default (order 1000000)", "security (order 100)"), policies.tiers());
        assertEquals(List.of(), policies.notes());
        assertFalse(api.requests().stream().anyMatch(p -> p.contains("crd.projectcalico.org")), api.requests().toString());
    }

    @Test
    void calicoOnlyAsCrdsIsReadFromTheCrdsAndParses() {
        api.serve(K8S, "networkpolicies")
                .add(CRD, "globalnetworkpolicies", DENY_KUBELET.formatted(CRD, "default.deny-kubelet"))
                .serve(CRD, "networkpolicies").serve(CRD, "tiers");

        ClusterPolicies policies = ClusterPolicySource.read(client);

        assertEquals(CalicoSource.CRDS, policies.calico());
        JsonNode document = policies.documents().get(0);
        CalicoPolicy parsed = CalicoPolicyParser.parse(document, "cluster", 1);
        assertEquals("deny-kubelet", parsed.name());
        assertEquals(List.of("projectcalico.org/GlobalNetworkPolicy/deny-kubelet"), keys(policies));
        assertEquals(List.of(
                "crd.projectcalico.org/v1 stagedglobalnetworkpolicies is not served by this Calico version: none read",
                "crd.projectcalico.org/v1 stagednetworkpolicies is not served by this Calico version: none read",
                "crd.projectcalico.org/v1 stagedkubernetesnetworkpolicies is not served by this Calico version: none read"),
                policies.notes());
    }

    @Test
    void unavailableCalicoApiServerFallsBackToTheCrds() {
        api.serve(K8S, "networkpolicies").fail(V3, "globalnetworkpolicies", 503)
                .add(CRD, "globalnetworkpolicies", DENY_KUBELET.formatted(CRD, "default.deny-kubelet"));

        ClusterPolicies policies = ClusterPolicySource.read(client);

        assertEquals(CalicoSource.CRDS, policies.calico());
        assertEquals(1, policies.documents().size());
        assertTrue(policies.notes().get(0).startsWith("the Calico API server is unavailable (HTTP 503"), policies.notes().toString());
    }

    @Test
    void forbiddenNetworkPoliciesStopTheRunNamingVerbAndResource() {
        api.fail(K8S, "networkpolicies", 403);

        InputException e = assertThrows(InputException.class, () -> ClusterPolicySource.read(client));

        assertTrue(e.getMessage().startsWith("cluster: list networkpolicies.networking.k8s.io: expected RBAC permission"
                + " to list networkpolicies.networking.k8s.io in all namespaces"), e.getMessage());
        assertTrue(e.getMessage().contains("found HTTP 403"), e.getMessage());
    }

    @Test
    void forbiddenCalicoPoliciesAreAnErrorNotAbsentCalico() {
        api.serve(K8S, "networkpolicies").fail(V3, "globalnetworkpolicies", 403);

        InputException e = assertThrows(InputException.class, () -> ClusterPolicySource.read(client));

        assertTrue(e.getMessage().contains("list globalnetworkpolicies.projectcalico.org"), e.getMessage());
    }

    @Test
    void refusedCredentialsAreAnError() {
        api.fail(K8S, "networkpolicies", 401);

        InputException e = assertThrows(InputException.class, () -> ClusterPolicySource.read(client));

        assertTrue(e.getMessage().contains("expected credentials the API server accepts"), e.getMessage());
    }

    @Test
    void everyPageOfALongListIsRead() {
        int count = ClusterPolicySource.PAGE_SIZE + 2;
        for (int i = 0; i < count; i++) {
            api.add(K8S, "networkpolicies", networkPolicy("ns" + i, "p"));
        }

        ClusterPolicies policies = ClusterPolicySource.read(client);

        assertEquals(count, policies.documents().size());
        assertTrue(api.requests().stream().anyMatch(p -> p.contains("continue=" + ClusterPolicySource.PAGE_SIZE)),
                api.requests().toString());
    }

    @Test
    void clusterDocumentsReadIntoAPolicySetLikeFiles() {
        api.add(K8S, "networkpolicies", networkPolicy("shop", "default-deny"))
                .add(CRD, "globalnetworkpolicies", DENY_KUBELET.formatted(CRD, "default.deny-kubelet"));

        PolicyReadResult read = new PolicyReader().readDocuments(ClusterPolicySource.read(client).sourceDocuments());

        assertEquals(List.of("default-deny"), read.policies().networkPolicies().stream().map(p -> p.name()).toList());
        assertEquals(List.of("deny-kubelet"), read.policies().calicoPolicies().stream().map(CalicoPolicy::name).toList());
        assertEquals(List.of(), read.ignored());
    }

    /** Issue 17 item 2: diff --current cluster reads the cluster-scoped admin policies through the dynamic client. */
    @Test
    void adminNetworkPoliciesAreReadFromTheirClusterScopedResources() {
        String anp = "policy.networking.k8s.io/v1alpha1";
        api.add(K8S, "networkpolicies", networkPolicy("shop", "default-deny"))
                .add(anp, "adminnetworkpolicies", "{\"metadata\":{\"name\":\"deny-monitoring\"},\"spec\":{\"priority\":10,"
                        + "\"subject\":{\"namespaces\":{}},\"ingress\":[{\"name\":\"no-monitoring\",\"action\":\"Deny\","
                        + "\"from\":[{\"namespaces\":{\"matchLabels\":{\"team\":\"monitoring\"}}}],"
                        + "\"ports\":[{\"portRange\":{\"protocol\":\"TCP\",\"start\":8000,\"end\":9000}}]}]}}")
                .add(anp, "baselineadminnetworkpolicies", "{\"metadata\":{\"name\":\"default\"},\"spec\":{"
                        + "\"subject\":{\"namespaces\":{}},\"egress\":[{\"action\":\"Deny\","
                        + "\"to\":[{\"networks\":[\"0.0.0.0/0\"]}]}]}}");

        ClusterPolicies cluster = ClusterPolicySource.read(client);
        PolicyReadResult read = new PolicyReader().readDocuments(cluster.sourceDocuments());

        assertEquals(List.of("AdminNetworkPolicy/deny-monitoring", "BaselineAdminNetworkPolicy/default"),
                read.policies().adminPolicies().stream().map(p -> p.kindName() + "/" + p.name()).toList());
        assertEquals(10, read.policies().adminPolicies().get(0).priority());
        assertEquals(List.of(), read.ignored());
        assertTrue(api.requests().stream().anyMatch(p -> p.startsWith("/apis/policy.networking.k8s.io/v1alpha1/adminnetworkpolicies?")),
                api.requests().toString());
    }

    @Test
    void absentAdminNetworkPolicyCrdsMeanNoneInForce() {
        api.add(K8S, "networkpolicies", networkPolicy("shop", "default-deny"));

        PolicyReadResult read = new PolicyReader().readDocuments(ClusterPolicySource.read(client).sourceDocuments());

        assertEquals(List.of(), read.policies().adminPolicies());
        assertEquals(1, read.policies().networkPolicies().size());
    }

    @Test
    void invalidPolicyInTheClusterIsNamedInTheError() {
        api.add(K8S, "networkpolicies", "{\"metadata\":{\"name\":\"bad\",\"namespace\":\"shop\"},"
                + "\"spec\":{\"podSelector\":{},\"ingress\":[{\"ports\":[{\"port\":70000}]}]}}");

        InputException e = assertThrows(InputException.class,
                () -> new PolicyReader().readDocuments(ClusterPolicySource.read(client).sourceDocuments()));

        assertTrue(e.getMessage().startsWith("cluster: document 1: NetworkPolicy shop/bad: spec.ingress[0].ports[0].port"),
                e.getMessage());
    }

    @Test
    void kubernetesPoliciesThatCalicoAlsoListsAreReadOnce() {
        api.add(K8S, "networkpolicies", networkPolicy("shop", "default-deny"))
                .serve(V3, "globalnetworkpolicies")
                .add(V3, "networkpolicies", "{\"apiVersion\":\"" + V3 + "\",\"kind\":\"NetworkPolicy\","
                        + "\"metadata\":{\"name\":\"knp.default.default-deny\",\"namespace\":\"shop\"},"
                        + "\"spec\":{\"selector\":\"projectcalico.org/orchestrator == 'k8s'\"}}");

        ClusterPolicies policies = ClusterPolicySource.read(client);

        assertEquals(List.of("networking.k8s.io/NetworkPolicy/shop/default-deny"), keys(policies));
        assertTrue(policies.notes().contains("1 projectcalico.org/v3 networkpolicies named knp.default.* skipped:"
                + " Kubernetes NetworkPolicies, read from networking.k8s.io/v1"), policies.notes().toString());
    }

    private static final String EGRESS_TO_SET = """
            {"apiVersion":"%s","kind":"GlobalNetworkPolicy","metadata":{"name":"%s"},
             "spec":{"selector":"app == 'web'","types":["Egress"],
                     "egress":[{"action":"Allow","protocol":"TCP",
                                "destination":{"selector":"flowpol.io/network-set == 'payments'","ports":[443]}}]}}""";
    private static final String PAYMENTS_SET = """
            {"metadata":{"name":"payments","labels":{"flowpol.io/network-set":"payments"},"uid":"u-1"},
             "spec":{"nets":["203.0.113.0/24"]}}""";

    /** The rule of the cluster's one Calico policy that decides web's egress to {@code address} on TCP/443, or -1. */
    private static int egressRuleTo(PolicyReadResult read, String address) {
        EvalEndpoint web = new EvalEndpoint(true, "shop", "web-1", java.util.Map.of("app", "web"), java.util.Map.of(),
                null, IpAddress.parse("10.0.0.5"), List.of());
        return new CalicoPolicyMatcher(read.policies().networkSets()).firstMatchingRule(
                read.policies().calicoPolicies().get(0), PolicyType.EGRESS,
                new Connection(web, EvalEndpoint.address(IpAddress.parse(address)), Protocol.TCP, 443));
    }

    /** Issue 16: a cluster rule that selects a GlobalNetworkSet by its labels matches the set's nets. */
    @Test
    void globalNetworkSetsAreReadSoRulesSelectingThemMatchTheirNets() {
        api.serve(K8S, "networkpolicies")
                .add(V3, "globalnetworkpolicies", EGRESS_TO_SET.formatted(V3, "to-payments"))
                .add(V3, "globalnetworksets", PAYMENTS_SET)
                .add(CRD, "globalnetworksets", PAYMENTS_SET.replace("payments", "crd-copy"));

        ClusterPolicies cluster = ClusterPolicySource.read(client);
        PolicyReadResult read = new PolicyReader().readDocuments(cluster.sourceDocuments());

        assertEquals(List.of("payments"), read.policies().networkSets().stream().map(CalicoNetworkSet::name).toList());
        assertEquals(0, egressRuleTo(read, "203.0.113.7"), "the set's net");
        assertEquals(-1, egressRuleTo(read, "198.51.100.7"), "outside the set");
        assertEquals(List.of("projectcalico.org/GlobalNetworkPolicy/to-payments"), keys(cluster), "a set is not a policy");
        assertTrue(cluster.description().endsWith("1 Calico policies, 1 GlobalNetworkSets (projectcalico.org/v3)"),
                cluster.description());
        assertFalse(api.requests().stream().anyMatch(p -> p.contains("crd.projectcalico.org")), api.requests().toString());
    }

    @Test
    void globalNetworkSetsComeFromTheCrdsWhenThePoliciesDo() {
        api.serve(K8S, "networkpolicies")
                .add(CRD, "globalnetworkpolicies", EGRESS_TO_SET.formatted(CRD, "default.to-payments"))
                .add(CRD, "globalnetworksets", PAYMENTS_SET);

        PolicyReadResult read = new PolicyReader().readDocuments(ClusterPolicySource.read(client).sourceDocuments());

        assertEquals(0, egressRuleTo(read, "203.0.113.7"));
    }

    @Test
    void withoutGlobalNetworkSetsServedThereAreNoneAndNoNote() {
        api.serve(K8S, "networkpolicies").add(V3, "globalnetworkpolicies", EGRESS_TO_SET.formatted(V3, "to-payments"));

        ClusterPolicies cluster = ClusterPolicySource.read(client);
        PolicyReadResult read = new PolicyReader().readDocuments(cluster.sourceDocuments());

        assertEquals(List.of(), read.policies().networkSets());
        assertEquals(-1, egressRuleTo(read, "203.0.113.7"));
        assertTrue(api.requests().stream().anyMatch(p -> p.contains("/apis/projectcalico.org/v3/globalnetworksets")),
                api.requests().toString());
    }

    @Test
    void forbiddenGlobalNetworkSetsNameThePermissionToGrant() {
        api.serve(K8S, "networkpolicies").serve(V3, "globalnetworkpolicies").fail(V3, "globalnetworksets", 403);

        InputException e = assertThrows(InputException.class, () -> ClusterPolicySource.read(client));

        assertTrue(e.getMessage().contains("list globalnetworksets.projectcalico.org"), e.getMessage());
    }

    /** A Kubernetes-dialect staged set applied to the cluster is read as staged NetworkPolicies. */
    @Test
    void stagedKubernetesNetworkPoliciesAreReadAsStaged() {
        api.add(K8S, "networkpolicies", networkPolicy("shop", "web"))
                .serve(V3, "globalnetworkpolicies")
                .add(V3, "stagedkubernetesnetworkpolicies", networkPolicy("shop", "web"));

        ClusterPolicies cluster = ClusterPolicySource.read(client);
        PolicyReadResult read = new PolicyReader().readDocuments(cluster.sourceDocuments());

        assertEquals(List.of(false, true), read.policies().networkPolicies().stream().map(p -> p.staged()).toList());
        assertEquals(List.of("networking.k8s.io/NetworkPolicy/shop/web",
                "projectcalico.org/StagedKubernetesNetworkPolicy/shop/web"), keys(cluster));
    }
}
