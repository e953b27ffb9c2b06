package io.flowpol.ingest.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.evaluate.calico.SelectorPlacement;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.CalicoRule.CalicoAction;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one Calico rule ({@code spec.ingress[i]} / {@code spec.egress[i]}) of a
 * projectcalico.org/v3 or crd.projectcalico.org/v1 policy. Layer-7 {@code http} matches and
 * {@code icmp}/{@code notICMP} type matches are not read: flow logs carry neither, so such a
 * rule is evaluated on its layer-3/4 parts. {@code services} is refused: it changes which
 * peers match and cannot be evaluated without Service endpoints.
 */
final class CalicoRuleParser {
    /** Calico's protocol names (CRD doc of {@code protocol}); numbers 1-255 are accepted too. */
    private static final List<String> PROTOCOL_NAMES = List.of("TCP", "UDP", "ICMP", "ICMPV6", "SCTP", "UDPLITE");
    private static final List<String> PORT_PROTOCOLS = List.of("TCP", "UDP", "SCTP", "6", "17", "132");
    /** An IANA service name, as Kubernetes named container ports are (RFC 6335 section 5.1). */
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?");

    private final CalicoFieldReader fields;

    CalicoRuleParser(CalicoFieldReader fields) {
        this.fields = fields;
    }

    CalicoRule rule(JsonNode node, String path) {
        if (!node.isObject()) {
            throw fields.error(path, "a rule mapping", CalicoFieldReader.describe(node));
        }
        CalicoAction action = action(fields.text(node, "action", path + ".action"), path + ".action");
        String protocol = protocol(node.get("protocol"), path + ".protocol");
        String notProtocol = protocol(node.get("notProtocol"), path + ".notProtocol");
        Integer ipVersion = ipVersion(node.get("ipVersion"), path + ".ipVersion");
        CalicoEntityRule source = entity(fields.object(node, "source", path + ".source"), path + ".source");
        CalicoEntityRule destination = entity(fields.object(node, "destination", path + ".destination"),
                path + ".destination");
        boolean ports = hasPorts(source) || hasPorts(destination);
        if (ports && (protocol == null || !PORT_PROTOCOLS.contains(protocol.toUpperCase(Locale.ROOT)))) {
            // Calico's validator rejects ports without a port-carrying protocol (CRD doc of ports).
            throw fields.error(path + ".protocol", "TCP, UDP or SCTP because the rule has ports",
                    protocol == null ? "nothing" : "\"" + protocol + "\"");
        }
        return new CalicoRule(action, protocol, notProtocol, ipVersion, source, destination);
    }

    private static boolean hasPorts(CalicoEntityRule entity) {
        return !entity.ports().isEmpty() || !entity.notPorts().isEmpty();
    }

    private CalicoAction action(String text, String path) {
        if (text == null) {
            throw fields.error(path, "one of Allow, Deny, Pass, Log", "nothing");
        }
        return switch (text) {
            case "Allow" -> CalicoAction.ALLOW;
            case "Deny" -> CalicoAction.DENY;
            case "Pass" -> CalicoAction.PASS;
            case "Log" -> CalicoAction.LOG;
            default -> throw fields.error(path, "one of Allow, Deny, Pass, Log", "\"" + text + "\"");
        };
    }

    /** A protocol name or number, kept as text (the matcher maps it to an IANA number). */
    private String protocol(JsonNode node, String path) {
        if (CalicoFieldReader.absent(node)) {
            return null;
        }
        String text = node.isIntegralNumber() ? Integer.toString(node.asInt()) : node.isTextual() ? node.asText() : null;
        boolean known = text != null && (PROTOCOL_NAMES.contains(text.toUpperCase(Locale.ROOT)) || isProtocolNumber(text));
        if (!known) {
            throw fields.error(path, "TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite or a number 1-255",
                    CalicoFieldReader.describe(node));
        }
        return text;
    }

    private static boolean isProtocolNumber(String text) {
        try {
            int n = Integer.parseInt(text);
            return n >= 1 && n <= 255;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Integer ipVersion(JsonNode node, String path) {
        if (CalicoFieldReader.absent(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || (node.asInt() != 4 && node.asInt() != 6)) {
            throw fields.error(path, "4 or 6", CalicoFieldReader.describe(node));
        }
        return node.asInt();
    }

    private CalicoEntityRule entity(JsonNode node, String path) {
        if (node == null) {
            return CalicoEntityRule.ANY;
        }
        if (!CalicoFieldReader.absent(node.get("services"))) {
            throw fields.error(path + ".services", "no services match (not supported by flowpol's evaluator)",
                    CalicoFieldReader.describe(node.get("services")));
        }
        String selector = fields.selector(node, "selector", path + ".selector", SelectorPlacement.ENTITY_SELECTOR);
        String notSelector = fields.selector(node, "notSelector", path + ".notSelector",
                SelectorPlacement.ENTITY_SELECTOR);
        String namespaceSelector = fields.selector(node, "namespaceSelector", path + ".namespaceSelector",
                SelectorPlacement.ENTITY_NAMESPACE_SELECTOR);
        String serviceAccounts = serviceAccounts(fields.object(node, "serviceAccounts", path + ".serviceAccounts"),
                path + ".serviceAccounts");
        return new CalicoEntityRule(selector, notSelector, namespaceSelector, serviceAccounts,
                fields.list(node, "nets", path + ".nets", this::net),
                fields.list(node, "notNets", path + ".notNets", this::net),
                fields.list(node, "ports", path + ".ports", this::port),
                fields.list(node, "notPorts", path + ".notPorts", this::port));
    }

    /**
     * {@code serviceAccounts} as one selector on the service account's labels: {@code names}
     * become {@code projectcalico.org/name in {...}}, AND-ed with {@code selector} (CRD doc:
     * "If both Names and Selector are specified then they are AND'ed").
     */
    private String serviceAccounts(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        String selector = fields.selector(node, "selector", path + ".selector", SelectorPlacement.ENTITY_SELECTOR);
        List<String> names = fields.list(node, "names", path + ".names", (item, itemPath) -> {
            if (!item.isTextual() || item.asText().isEmpty() || item.asText().indexOf('\'') >= 0) {
                throw fields.error(itemPath, "a service account name", CalicoFieldReader.describe(item));
            }
            return item.asText();
        });
        if (names.isEmpty()) {
            return selector;
        }
        String byName = "projectcalico.org/name in {'" + String.join("', '", names) + "'}";
        String combined = selector == null || selector.isBlank() ? byName : "(" + selector + ") && (" + byName + ")";
        return fields.checkSelector(combined, path, SelectorPlacement.ENTITY_SELECTOR);
    }

    private Cidr net(JsonNode node, String path) {
        if (node.isTextual()) {
            try {
                return Cidr.parse(node.asText());
            } catch (IllegalArgumentException e) {
                // fall through to the error below
            }
        }
        throw fields.error(path, "a CIDR or IP address", CalicoFieldReader.describe(node));
    }

    /** {@code 80}, {@code "80"}, {@code "80:90"} or a named port {@code "http"}. */
    private CalicoPort port(JsonNode node, String path) {
        String expected = "a port 0-65535, a range \"first:last\" or a port name";
        if (node.isIntegralNumber()) {
            return range(node.asLong(), node.asLong(), path, expected, node);
        }
        if (!node.isTextual()) {
            throw fields.error(path, expected, CalicoFieldReader.describe(node));
        }
        String text = node.asText();
        if (PORT_NAME.matcher(text).matches() && text.chars().anyMatch(Character::isLetter)) {
            return new CalicoPort(0, 0, text);
        }
        int colon = text.indexOf(':');
        try {
            long first = Long.parseLong(colon < 0 ? text : text.substring(0, colon));
            long last = colon < 0 ? first : Long.parseLong(text.substring(colon + 1));
            return range(first, last, path, expected, node);
        } catch (NumberFormatException e) {
            throw fields.error(path, expected, CalicoFieldReader.describe(node));
        }
    }

    private CalicoPort range(long first, long last, String path, String expected, JsonNode node) {
        if (first < 0 || last > 65535 || first > last) {
            throw fields.error(path, expected, CalicoFieldReader.describe(node));
        }
        return new CalicoPort((int) first, (int) last, null);
    }
}
