package io.flowpol.ingest.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.flowpol.inference.evaluate.Connection;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPolicy.CalicoKind;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.CalicoRule.CalicoAction;
import io.flowpol.inference.policy.PolicyType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading Calico policy documents: the upstream samples, then one field or error at a time. */
class CalicoPolicyParserTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    private static List<CalicoPolicy> readSample(String name) throws IOException {
        Path path = Path.of(System.getProperty("flowpol.shared.dir", "../../shared"), "schemas", "calico", "samples", name);
        List<CalicoPolicy> policies = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(path.toFile())) {
            int index = 0;
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                index++;
                if (CalicoPolicyParser.isCalicoPolicy(document)) {
                    policies.add(CalicoPolicyParser.parse(document, name, index));
                }
            }
        }
        return policies;
    }

    private static CalicoPolicy parse(String yaml) throws IOException {
        return CalicoPolicyParser.parse(YAML.readTree(yaml), "p.yaml", 2);
    }

    private static String failure(String yaml) {
        return assertThrows(InputException.class, () -> parse(yaml)).getMessage();
    }

    private static EvalEndpoint pod(String serviceAccount, Map<String, String> labels) {
        return new EvalEndpoint(true, "demo", "x", labels, Map.of(), serviceAccount, IpAddress.parse("10.0.0.1"), List.of());
    }

    @Test
    void appPolicySampleParsesAndServiceAccountNamesMatchByName() throws IOException {
        List<CalicoPolicy> policies = readSample("app-policy_demo_30-policy.yaml");
        assertEquals(List.of("customer", "summary", "database"), policies.stream().map(CalicoPolicy::name).toList());
        CalicoPolicy summary = policies.get(1);
        assertEquals(CalicoKind.GLOBAL_NETWORK_POLICY, summary.kind());
        assertEquals("default", summary.tier());
        CalicoPolicyMatcher matcher = new CalicoPolicyMatcher();
        EvalEndpoint target = pod("summary", Map.of("app", "summary"));
        assertTrue(matcher.selects(summary, target));
        Connection fromCustomer = new Connection(pod("customer", Map.of()), target, Protocol.TCP, 80);
        Connection fromOther = new Connection(pod("other", Map.of()), target, Protocol.TCP, 80);
        assertEquals(0, matcher.firstMatchingRule(summary, PolicyType.INGRESS, fromCustomer));
        assertEquals(-1, matcher.firstMatchingRule(summary, PolicyType.INGRESS, fromOther));
    }

    @Test
    void migrationSampleParsesPoliciesWithTiersOrderAndPorts() throws IOException {
        List<CalicoPolicy> policies = readSample("migration_seed-resources.yaml");
        assertEquals(3, policies.size());
        CalicoPolicy dns = policies.get(1);
        assertEquals("security", dns.tier());
        assertEquals("security.test-allow-dns", dns.name());
        assertEquals(100.0, dns.order());
        assertEquals(List.of(PolicyType.EGRESS), dns.types());
        assertEquals("UDP", dns.egress().get(0).protocol());
        assertEquals(List.of(CalicoPort.of(53)), dns.egress().get(0).destination().ports());
        CalicoPolicy web = policies.get(2);
        assertEquals(CalicoKind.NETWORK_POLICY, web.kind());
        assertEquals("migration-test", web.namespace());
        assertEquals(List.of(CalicoPort.of(80), CalicoPort.of(443)), web.ingress().get(0).destination().ports());
    }

    @Test
    void portsReadNumbersRangesAndNames() throws IOException {
        CalicoPolicy policy = parse("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  ingress:
                  - action: Allow
                    protocol: 6
                    destination:
                      ports: [8080, "9000:9010", "http", "53"]
                      notPorts: ["22"]
                """);
        CalicoRule rule = policy.ingress().get(0);
        assertEquals("6", rule.protocol());
        assertEquals(List.of(CalicoPort.of(8080), new CalicoPort(9000, 9010, null), new CalicoPort(0, 0, "http"),
                CalicoPort.of(53)), rule.destination().ports());
        assertEquals(List.of(CalicoPort.of(22)), rule.destination().notPorts());
    }

    @Test
    void entityRuleReadsSelectorsNetsAndServiceAccounts() throws IOException {
        CalicoPolicy policy = parse("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: g}
                spec:
                  namespaceSelector: team == 'a'
                  egress:
                  - action: Deny
                    ipVersion: 4
                    notProtocol: ICMP
                    destination:
                      selector: app in {'db'}
                      notSelector: has(legacy)
                      namespaceSelector: global()
                      nets: [10.0.0.0/8, 192.168.1.1]
                      notNets: ["10.1.0.0/16"]
                      serviceAccounts: {names: [db, backup], selector: "tier == 'x'"}
                """);
        CalicoRule rule = policy.egress().get(0);
        assertEquals(CalicoAction.DENY, rule.action());
        assertEquals(4, rule.ipVersion());
        assertEquals("ICMP", rule.notProtocol());
        assertEquals("team == 'a'", policy.namespaceSelector());
        assertNull(policy.namespace());
        assertEquals("global()", rule.destination().namespaceSelector());
        assertEquals(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("192.168.1.1/32")), rule.destination().nets());
        assertEquals(List.of(Cidr.parse("10.1.0.0/16")), rule.destination().notNets());
        assertEquals("(tier == 'x') && (projectcalico.org/name in {'db', 'backup'})",
                rule.destination().serviceAccountSelector());
    }

    @Test
    void v1StorageNameLosesDefaultTierPrefix() throws IOException {
        CalicoPolicy policy = parse("""
                apiVersion: crd.projectcalico.org/v1
                kind: StagedGlobalNetworkPolicy
                metadata: {name: default.deny-all}
                spec: {tier: default, order: 1000}
                """);
        assertEquals("deny-all", policy.name());
        assertEquals("default", policy.tier());
        assertTrue(policy.kind().staged());
    }

    @Test
    void tierComesFromNamePrefixWhenSpecTierIsAbsent() throws IOException {
        CalicoPolicy policy = parse("""
                apiVersion: projectcalico.org/v3
                kind: StagedNetworkPolicy
                metadata: {name: platform.allow-dns}
                spec: {selector: all()}
                """);
        assertEquals("platform", policy.tier());
        assertEquals("default", policy.namespace());
        assertNull(policy.order());
    }

    @Test
    void badSelectorNamesDocumentFieldPathAndPosition() {
        String message = failure("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  ingress:
                  - action: Allow
                  - action: Allow
                    source: {selector: "app = 'web'"}
                """);
        assertTrue(message.startsWith("p.yaml: document 2: spec.ingress[1].source.selector: expected "), message);
        assertTrue(message.contains("position 4"), message);
    }

    @Test
    void globalIsRejectedInPolicySelectorAndCombinedNamespaceSelector() {
        assertTrue(failure("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: g}
                spec: {selector: global()}
                """).contains("spec.selector"));
        assertTrue(failure("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: g}
                spec:
                  ingress: [{action: Allow, source: {namespaceSelector: "global() && all()"}}]
                """).contains("spec.ingress[0].source.namespaceSelector"));
    }

    @Test
    void portsWithoutPortProtocolAreRejected() {
        assertTrue(failure("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: p}
                spec:
                  egress: [{action: Allow, destination: {ports: [53]}}]
                """).contains("spec.egress[0].protocol: expected TCP, UDP or SCTP"));
    }

    @Test
    void invalidFieldsAreNamed() {
        String head = "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: p}\n";
        assertTrue(failure(head + "spec: {ingress: [{action: allow}]}").contains("spec.ingress[0].action"));
        assertTrue(failure(head + "spec: {ingress: [{action: Allow, protocol: TCPX}]}").contains("spec.ingress[0].protocol"));
        assertTrue(failure(head + "spec: {types: [ingress]}").contains("spec.types[0]: expected Ingress or Egress"));
        assertTrue(failure(head + "spec: {order: high}").contains("spec.order"));
        assertTrue(failure(head + "spec: {egress: [{action: Allow, destination: {nets: [10.0.0.0/33]}}]}")
                .contains("spec.egress[0].destination.nets[0]"));
        assertTrue(failure(head + "spec: {egress: [{action: Allow, protocol: TCP, destination: {ports: [\"90:80\"]}}]}")
                .contains("spec.egress[0].destination.ports[0]"));
        assertTrue(failure(head + "spec: {egress: [{action: Allow, destination: {services: {name: s}}}]}")
                .contains("spec.egress[0].destination.services"));
        assertTrue(failure(head + "spec: {namespaceSelector: all()}").contains("spec.namespaceSelector"));
        assertTrue(failure("apiVersion: v1\nkind: NetworkPolicy\nmetadata: {name: p}\n").contains("apiVersion"));
        assertTrue(failure("apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: p}\n").contains("kind"));
    }

    @Test
    void onlyCalicoPolicyKindsAreRecognised() throws IOException {
        assertTrue(CalicoPolicyParser.isCalicoPolicy(YAML.readTree("{apiVersion: projectcalico.org/v3, kind: NetworkPolicy}")));
        assertFalse(CalicoPolicyParser.isCalicoPolicy(YAML.readTree("{apiVersion: projectcalico.org/v3, kind: Tier}")));
        assertFalse(CalicoPolicyParser.isCalicoPolicy(
                YAML.readTree("{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy}")));
    }
}
