package io.flowpol.templates.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Staged and enforced policy kinds (issue 16 item 3): Calico evaluates and reports a
 * {@code StagedKubernetesNetworkPolicy}, {@code StagedNetworkPolicy} or
 * {@code StagedGlobalNetworkPolicy} without enforcing it, and its spec is that of the enforced
 * kind. So staging and promotion rewrite only a document's top-level {@code apiVersion} and
 * {@code kind} lines, and {@code promote(stage(x)) == x} byte for byte. Other kinds (Tier,
 * GlobalNetworkSet) and every other line stay as they are.
 */
public final class StagedKinds {
    private static final String KUBERNETES_API = "networking.k8s.io/v1";
    private static final String CALICO_API = "projectcalico.org/v3";

    /** (apiVersion, kind) enforced → staged. */
    private static final Map<List<String>, List<String>> STAGE = Map.of(
            List.of(KUBERNETES_API, "NetworkPolicy"), List.of(CALICO_API, "StagedKubernetesNetworkPolicy"),
            List.of(CALICO_API, "NetworkPolicy"), List.of(CALICO_API, "StagedNetworkPolicy"),
            List.of(CALICO_API, "GlobalNetworkPolicy"), List.of(CALICO_API, "StagedGlobalNetworkPolicy"));
    private static final Map<List<String>, List<String>> PROMOTE = Map.of(
            List.of(CALICO_API, "StagedKubernetesNetworkPolicy"), List.of(KUBERNETES_API, "NetworkPolicy"),
            List.of(CALICO_API, "StagedNetworkPolicy"), List.of(CALICO_API, "NetworkPolicy"),
            List.of(CALICO_API, "StagedGlobalNetworkPolicy"), List.of(CALICO_API, "GlobalNetworkPolicy"));

    private StagedKinds() {
    }

    /** Every enforced policy document of {@code yaml} as its staged kind. */
    public static String stage(String yaml) {
        return rewrite(yaml, STAGE);
    }

    /** Every staged policy document of {@code yaml} as its enforced kind. */
    public static String promote(String yaml) {
        return rewrite(yaml, PROMOTE);
    }

    /** True when {@code yaml} holds a staged policy document. */
    public static boolean hasStaged(String yaml) {
        return !rewrite(yaml, PROMOTE).equals(yaml);
    }

    private static String rewrite(String yaml, Map<List<String>, List<String>> kinds) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        int apiVersionLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals("---") || line.startsWith("--- ")) {
                apiVersionLine = -1;
            } else if (line.startsWith("apiVersion: ")) {
                apiVersionLine = i;
            } else if (line.startsWith("kind: ") && apiVersionLine >= 0) {
                String apiVersion = lines.get(apiVersionLine).substring("apiVersion: ".length()).strip();
                List<String> to = kinds.get(List.of(apiVersion, line.substring("kind: ".length()).strip()));
                if (to != null) {
                    lines.set(apiVersionLine, "apiVersion: " + to.get(0));
                    lines.set(i, "kind: " + to.get(1));
                }
            }
        }
        return String.join("\n", lines);
    }
}
