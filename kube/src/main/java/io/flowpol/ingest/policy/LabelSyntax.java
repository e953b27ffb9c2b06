package io.flowpol.ingest.policy;

import java.util.regex.Pattern;

/**
 * The syntax Kubernetes accepts for label keys and values
 * (https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set):
 * a key is an optional DNS-subdomain prefix (at most 253 characters) and {@code /}, then a
 * name of at most 63 alphanumerics, {@code -}, {@code _} or {@code .}, starting and ending
 * alphanumeric; a value is empty or such a name. The API server rejects anything else, so a
 * selector breaking it cannot be in force.
 */
final class LabelSyntax {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private LabelSyntax() {
    }

    static boolean validKey(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return false;
            }
        }
        return name.length() <= 63 && NAME.matcher(name).matches();
    }

    static boolean validValue(String value) {
        return value.isEmpty() || (value.length() <= 63 && NAME.matcher(value).matches());
    }
}
