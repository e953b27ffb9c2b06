package io.flowpol.templates.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The relative path each policy is written to, named after the policy (DESIGN.md contracts:
 * {@code networkpolicies/<namespace>/<name>.yaml}). A Kubernetes name may be 253 characters,
 * but a file name only 255 bytes on most file systems, so {@code <name>.yaml} failed with "File
 * name too long" (GitHub issue 12, item 7): a long name is cut and given a short hash of the
 * whole name, which keeps it deterministic and unique; a name that fits is used as it is.
 */
final class PolicyFileNames {
    /** Longest name used as it is: room for {@code .yaml} and the temp suffixes writers add, within 255. */
    static final int MAX_PLAIN = 200;
    private static final int KEPT = MAX_PLAIN - 13;

    /** DNS-1123 subdomain: Kubernetes object and namespace names, safe as path segments. */
    private static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private PolicyFileNames() {
    }

    static String networkPolicy(String namespace, String name) {
        return OutputFiles.NETWORK_POLICIES + "/" + segment(namespace) + "/" + segment(name) + ".yaml";
    }

    static String globalNetworkPolicy(String name) {
        return OutputFiles.GLOBAL_POLICIES + "/" + segment(name) + ".yaml";
    }

    /** Names become path segments; anything but a Kubernetes name could escape the directory. */
    static String segment(String name) {
        if (name == null || !DNS_1123.matcher(name).matches()) {
            throw new IllegalArgumentException("not a DNS-1123 name: " + name);
        }
        if (name.length() <= MAX_PLAIN) {
            return name;
        }
        // 187 characters, '-', 12 hex digits of SHA-256: 200; a cut name still sorts by its prefix.
        return name.substring(0, KEPT) + "-" + HexFormat.of().formatHex(sha256(name), 0, 6);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
