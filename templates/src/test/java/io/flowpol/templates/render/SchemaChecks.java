package io.flowpol.templates.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.flowpol.inference.model.Cidr;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates generated documents against the strict schemas of {@code shared/schemas} and
 * runs the checks its README lists as not expressible in JSON Schema. Returns problems as
 * text so a failing test names every one.
 */
public final class SchemaChecks {
    private static final Path SHARED = Path.of(System.getProperty("flowpol.shared.dir", "../../shared"));
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final Pattern IANA_SVC_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?");
    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");

    private final JsonSchema networkPolicy = load("kubernetes/networkpolicy-networking-v1-strict.json");
    private final JsonSchema globalNetworkPolicy = load("calico/jsonschema/projectcalico.org_v3/globalnetworkpolicy-strict.json");
    /** The other projectcalico.org/v3 kinds flowpol writes (issue 16), by kind. */
    private final java.util.Map<String, JsonSchema> calico = java.util.Map.of(
            "NetworkPolicy", load("calico/jsonschema/projectcalico.org_v3/networkpolicy-strict.json"),
            "StagedNetworkPolicy", load("calico/jsonschema/projectcalico.org_v3/stagednetworkpolicy-strict.json"),
            "StagedGlobalNetworkPolicy", load("calico/jsonschema/projectcalico.org_v3/stagedglobalnetworkpolicy-strict.json"),
            "GlobalNetworkSet", load("calico/jsonschema/projectcalico.org_v3/globalnetworkset-strict.json"),
            "Tier", load("calico/jsonschema/projectcalico.org_v3/tier-strict.json"));

    private static JsonSchema load(String relative) {
        try {
            // Loaded with its file URI as base: the relative $id then resolves locally, no network.
            Path file = SHARED.resolve("schemas").resolve(relative).toAbsolutePath().normalize();
            return FACTORY.getSchema(SchemaLocation.of(file.toUri().toString()), new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new AssertionError("cannot read schema " + relative + " under " + SHARED, e);
        }
    }

    public List<String> check(String file, JsonNode doc) {
        List<String> problems = new ArrayList<>();
        String kind = doc.path("kind").asText();
        boolean calicoApi = doc.path("apiVersion").asText().equals("projectcalico.org/v3");
        if (calicoApi && kind.equals("StagedKubernetesNetworkPolicy")) {
            // shared/schemas has no schema for this kind; its spec is a NetworkPolicy's
            // (projectcalico/calico api/pkg/apis/projectcalico/v3/stagedkubernetesnetworkpolicy.go),
            // so the spec is checked as one.
            com.fasterxml.jackson.databind.node.ObjectNode asNetworkPolicy = doc.deepCopy();
            asNetworkPolicy.put("apiVersion", "networking.k8s.io/v1");
            asNetworkPolicy.put("kind", "NetworkPolicy");
            asNetworkPolicy.remove("status");
            return check(file, asNetworkPolicy);
        }
        if (calicoApi && calico.containsKey(kind) && !kind.equals("GlobalNetworkPolicy")) {
            for (ValidationMessage m : calico.get(kind).validate(doc)) {
                problems.add(file + ": " + m.getMessage());
            }
            if (kind.endsWith("NetworkPolicy")) {
                calicoSemantics(file, doc.path("spec"), problems);
            }
            return problems;
        }
        JsonSchema schema = kind.equals("NetworkPolicy") ? networkPolicy
                : kind.equals("GlobalNetworkPolicy") ? globalNetworkPolicy : null;
        if (schema == null) {
            problems.add(file + ": no schema for kind " + kind);
            return problems;
        }
        for (ValidationMessage m : schema.validate(doc)) {
            problems.add(file + ": " + m.getMessage());
        }
        if (kind.equals("NetworkPolicy")) {
            kubernetesSemantics(file, doc.path("spec"), problems);
        } else {
            calicoSemantics(file, doc.path("spec"), problems);
        }
        return problems;
    }

    private static void kubernetesSemantics(String file, JsonNode spec, List<String> problems) {
        spec.path("policyTypes").forEach(t -> require(Set.of("Ingress", "Egress").contains(t.asText()),
                file + ": policyType " + t, problems));
        for (String direction : List.of("ingress", "egress")) {
            for (JsonNode rule : spec.path(direction)) {
                for (JsonNode peer : rule.path(direction.equals("ingress") ? "from" : "to")) {
                    require(peer.size() > 0, file + ": empty peer", problems);
                    require(!peer.has("ipBlock") || peer.size() == 1, file + ": ipBlock combined with selectors", problems);
                    if (peer.has("ipBlock")) {
                        Cidr cidr = Cidr.parse(peer.path("ipBlock").path("cidr").asText());
                        peer.path("ipBlock").path("except").forEach(x -> require(cidr.contains(Cidr.parse(x.asText())),
                                file + ": except outside cidr " + x, problems));
                    }
                }
                for (JsonNode port : rule.path("ports")) {
                    require(PROTOCOLS.contains(port.path("protocol").asText()), file + ": protocol " + port, problems);
                    JsonNode p = port.path("port");
                    require(validPort(p), file + ": port " + p, problems);
                    require(!port.has("endPort") || p.isInt() && port.path("endPort").asInt() >= p.asInt(),
                            file + ": endPort " + port, problems);
                }
            }
        }
    }

    private static void calicoSemantics(String file, JsonNode spec, List<String> problems) {
        for (String direction : List.of("ingress", "egress")) {
            for (JsonNode rule : spec.path(direction)) {
                for (String side : List.of("source", "destination")) {
                    JsonNode entity = rule.path(side);
                    // libcalico-go validator: ports need protocol TCP, UDP or SCTP; one IP family per rule.
                    require(!entity.has("ports") || PROTOCOLS.contains(rule.path("protocol").asText()),
                            file + ": ports without protocol", problems);
                    long v4 = 0;
                    long v6 = 0;
                    for (JsonNode net : entity.path("nets")) {
                        if (Cidr.parse(net.asText()).base().isV4()) {
                            v4++;
                        } else {
                            v6++;
                        }
                    }
                    require(v4 == 0 || v6 == 0, file + ": rule mixes IPv4 and IPv6 nets", problems);
                    for (String field : List.of("selector", "notSelector", "namespaceSelector")) {
                        if (entity.has(field)) {
                            parses(file, entity.path(field).asText(), problems);
                        }
                    }
                }
            }
        }
        require(spec.has("selector"), file + ": no selector", problems);
        for (String field : List.of("selector", "namespaceSelector")) {
            if (spec.has(field)) {
                parses(file, spec.path(field).asText(), problems);
            }
        }
    }

    /** Selector syntax is not in the schemas: parse it with the evaluator's Calico grammar. */
    private static void parses(String file, String selector, List<String> problems) {
        try {
            io.flowpol.inference.evaluate.calico.CalicoSelector.parse(selector);
        } catch (RuntimeException e) {
            problems.add(file + ": selector " + selector + ": " + e.getMessage());
        }
    }

    /** Absent (every port), 1-65535, or an IANA_SVC_NAME with at least one letter. */
    private static boolean validPort(JsonNode port) {
        if (port.isMissingNode()) {
            return true;
        }
        if (port.isInt()) {
            return port.asInt() >= 1 && port.asInt() <= 65535;
        }
        return IANA_SVC_NAME.matcher(port.asText()).matches() && port.asText().matches(".*[a-z].*");
    }

    private static void require(boolean ok, String problem, List<String> problems) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
