package io.flowpol.cli.propose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Lists the files a human kept ({@code flowpol.io/managed: "false"}) in the generated
 * {@code kustomization.yaml}: left out, Argo CD or Flux would stop applying them, or prune them
 * (issue 15 item 3). The generated file has one {@code resources:} block of {@code "  - path"}
 * lines (kustomization.yaml.ftl); the kept paths join it and the block stays sorted.
 */
final class KeptResources {
    static final String KUSTOMIZATION = "kustomization.yaml";
    private static final String ITEM = "  - ";

    private KeptResources() {
    }

    /** @param kept paths relative to {@code policyDir}, in any order */
    static void add(Path policyDir, List<String> kept) throws IOException {
        Path file = policyDir.resolve(KUSTOMIZATION);
        List<String> extra = kept.stream().filter(k -> !k.equals(KUSTOMIZATION)).map(k -> k.replace('\\', '/')).toList();
        if (extra.isEmpty() || !Files.isRegularFile(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = lines.indexOf("resources:");
        if (start < 0) {
            return; // not the file flowpol generates (kept by a human itself): left as it is
        }
        int end = start + 1;
        TreeSet<String> resources = new TreeSet<>();
        while (end < lines.size() && lines.get(end).startsWith(ITEM)) {
            resources.add(lines.get(end).substring(ITEM.length()));
            end++;
        }
        resources.addAll(extra);
        List<String> out = new ArrayList<>(lines.subList(0, start + 1));
        resources.forEach(r -> out.add(ITEM + r));
        out.addAll(lines.subList(end, lines.size()));
        Files.write(file, out, StandardCharsets.UTF_8);
    }
}
