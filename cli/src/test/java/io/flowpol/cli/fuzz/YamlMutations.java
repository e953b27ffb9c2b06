package io.flowpol.cli.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * Edits of policy YAML (a {@code generate} output read back by {@code verify}): a value
 * replaced by one of another type or out of range, YAML's own traps (aliases, tags, deep
 * nesting), and an extra document.
 */
final class YamlMutations {
    private YamlMutations() {
    }

    enum YamlValue {
        NULL("null"),
        TILDE("~"),
        EMPTY_MAP("{}"),
        EMPTY_LIST("[]"),
        PORT_65536("65536"),
        PORT_ZERO("0"),
        NEGATIVE("-1"),
        HUGE_NUMBER("123456789012345678901234567890"),
        FRACTION("80.5"),
        ICMP("ICMP"),
        SCTP("SCTP"),
        LOWERCASE_TCP("tcp"),
        CIDR_PREFIX_33("\"10.0.0.0/33\""),
        CIDR_IPV6("\"fd00::/8\""),
        NOT_A_CIDR("\"not-a-cidr\""),
        PORT_NAME_TOO_LONG("a-port-name-longer-than-15"),
        UNTERMINATED_QUOTE("'unterminated"),
        TAB_INDENT("\n\t- x"),
        BINARY_TAG("!!binary AAAA"),
        UNKNOWN_TAG("!custom x"),
        ALIAS_BOMB("&a [x, x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]"),
        MERGE_KEY("{<<: {a: 1}}"),
        NESTED_3000("[".repeat(3000) + "]".repeat(3000)),
        LONG_STRING("x".repeat(100_000)),
        CONTROL_CHARACTER("\"a\\u0000b\"");

        private final String yaml;

        YamlValue(String yaml) {
            this.yaml = yaml;
        }
    }

    /** The value after the chosen line's last ": " (or its list item "- ") becomes {@code value}. */
    record ReplaceValue(int line, YamlValue value) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            Lines lines = Lines.of(in);
            int i = lines.index(line);
            if (i < 0) {
                return in;
            }
            String text = new String(lines.lines().get(i), StandardCharsets.UTF_8);
            int colon = text.lastIndexOf(": ");
            int dash = text.indexOf("- ");
            int at = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : text.length();
            lines.lines().set(i, (text.substring(0, at) + value.yaml).getBytes(StandardCharsets.UTF_8));
            return lines.bytes();
        }
    }

    /** Another document after the file's: a policy of another kind, or one with nothing in it. */
    record AppendDocument(int kind) implements Mutation {
        private static final String[] DOCUMENTS = {
            "---\n",
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n",
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec: {}\n",
            "---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: x}\nspec: {selector: \"a ==\"}\n",
            "---\napiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: x, namespace: shop}\n"
                    + "spec: {selector: all(), types: [Ingress], ingress: [{action: Deny}]}\n",
            "---\nkind: List\nitems: [1, 2]\n",
            "--- 42\n",
        };

        @Override
        public byte[] apply(byte[] in) {
            return GzipMutations.concat(in, DOCUMENTS[Math.floorMod(kind, DOCUMENTS.length)].getBytes(StandardCharsets.UTF_8));
        }
    }

    static Gen<Mutation> any() {
        Gen<Integer> line = Gen.between(0, 100_000);
        return Gen.oneOf(
                r -> new ReplaceValue(line.next(r), Gen.of(YamlValue.class).next(r)),
                r -> new ReplaceValue(line.next(r), Gen.of(YamlValue.class).next(r)),
                r -> new AppendDocument(r.nextInt(100)),
                LineMutations.lines(),
                ByteMutations.any());
    }
}
