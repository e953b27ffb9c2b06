package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.policy.CalicoNetworkSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GlobalNetworkSets of the Calico dialect: one per distinct group of external address blocks
 * a rule names, shared by every rule that names the same group. A set is named after what it holds
 * ({@code flowpol-203-0-113-80-32}, or {@code flowpol-203-0-113-0-24-and-4-more-<hash>} for five
 * blocks), so that a reviewer can tell it apart and the name stays the same from one window to the
 * next while its addresses do. Rules select a set by its {@value #LABEL} label.
 */
final class CalicoNetworkSets {
    static final String LABEL = "flowpol.io/network-set";
    /** Kubernetes object names: DNS-1123 subdomains of at most 253 characters. */
    private static final int MAX_NAME = 253;
    /** Label values: at most 63 characters. */
    private static final int MAX_LABEL_VALUE = 63;

    private final Map<List<Cidr>, CalicoNetworkSet> byNets = new LinkedHashMap<>();

    /** The set holding exactly {@code nets} (sorted, distinct). */
    CalicoNetworkSet of(List<Cidr> nets) {
        List<Cidr> key = nets.stream().sorted().distinct().toList();
        return byNets.computeIfAbsent(key, k -> {
            String name = fit(name(k), MAX_NAME);
            return new CalicoNetworkSet(name, Map.of(LABEL, fit(name, MAX_LABEL_VALUE)), k);
        });
    }

    private static String name(List<Cidr> nets) {
        String first = "flowpol-" + nets.get(0).toString().replaceAll("[^0-9a-f]", "-");
        if (nets.size() == 1) {
            return first;
        }
        String all = nets.stream().map(Cidr::toString).collect(java.util.stream.Collectors.joining(","));
        return first + "-and-" + (nets.size() - 1) + "-more-" + HexFormat.of().formatHex(sha256(all), 0, 4);
    }

    /** The selector that names {@code set} in a rule (with {@code namespaceSelector: global()}). */
    static String selector(CalicoNetworkSet set) {
        return LABEL + " == '" + set.labels().get(LABEL) + "'";
    }

    List<CalicoNetworkSet> all() {
        List<CalicoNetworkSet> out = new ArrayList<>(byNets.values());
        out.sort(java.util.Comparator.comparing(CalicoNetworkSet::name));
        return out;
    }

    /** A name that fits {@code max}: cut, then 12 hex digits of the whole name's SHA-256, so it stays unique. */
    static String fit(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        String cut = name.substring(0, max - 13).replaceAll("[^a-z0-9]+$", "");
        return cut + "-" + HexFormat.of().formatHex(sha256(name), 0, 6);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
