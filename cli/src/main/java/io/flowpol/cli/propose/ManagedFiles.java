package io.flowpol.cli.propose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which files under the policy path a human has taken over: a YAML document annotated
 * {@code flowpol.io/managed: "false"} is never deleted nor overwritten by the bot.
 */
final class ManagedFiles {
    static final String ANNOTATION = "flowpol.io/managed";

    private ManagedFiles() {
    }

    static boolean keptByHuman(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
            return false;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.trim();
            if (t.startsWith(ANNOTATION + ":")) {
                String value = t.substring(ANNOTATION.length() + 1).trim().replace("\"", "").replace("'", "");
                if (value.equalsIgnoreCase("false")) {
                    return true;
                }
            }
        }
        return false;
    }
}
