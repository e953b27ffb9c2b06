package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub issue 12, items 7, 8, 9 and 11, as a user meets them: the demo with one thing wrong
 * ends in exit 0 with the right policies, or exit 1/2 with one line naming the problem, never in
 * exit 3 "flowpol bug", a stack trace or an {@code OutOfMemoryError}.
 */
class HardenedInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RECORDING = Cli.DEMO.resolve("recording.jsonl");
    private static final Path V5 = Cli.DEMO.resolve("flowlogs/v5");

    @TempDir
    Path tmp;

    private Cli.Result generate(Path flowLogs, Path recording, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--flow-logs", flowLogs.toString(),
                "--cluster", recording.toString(), "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static String firstErrorLine(Cli.Result r, int exit) {
        assertEquals(exit, r.exitCode(), r.toString());
        String first = r.err().lines().filter(l -> l.startsWith("flowpol: error: ")).findFirst().orElseThrow(() -> new AssertionError(r));
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.toString());
        return first;
    }

    /** The demo recording with {@code edit} applied to every event of which {@code match} holds. */
    private Path recording(String name, java.util.function.Predicate<ObjectNode> match, Consumer<ObjectNode> edit) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(RECORDING)) {
            ObjectNode event = (ObjectNode) JSON.readTree(line);
            if (match.test(event)) {
                edit.accept(event);
            }
            out.add(event.toString());
        }
        return Files.write(tmp.resolve(name), out);
    }

    private static boolean named(ObjectNode event, String kind, String name) {
        return kind.equals(event.path("object").path("kind").asText()) && name.equals(event.path("object").path("metadata").path("name").asText());
    }

    private static ObjectNode metadata(ObjectNode event) {
        return (ObjectNode) event.path("object").path("metadata");
    }

    private Path firstV5File() throws IOException {
        try (Stream<Path> walk = Files.walk(V5)) {
            return walk.filter(p -> p.toString().endsWith(".gz")).sorted().findFirst().orElseThrow();
        }
    }

    // Item 8

    @Test
    void flowLogFormatThatDisagreesWithTheFilesHeaderIsRefusedNamingBoth() throws IOException {
        String header = Files.readString(Cli.DEMO.resolve("format-v5.txt")).trim();
        String swapped = header.replace("${srcaddr} ${dstaddr}", "${dstaddr} ${srcaddr}");
        assertTrue(!swapped.equals(header), "the demo format names srcaddr before dstaddr");

        String error = firstErrorLine(generate(V5, RECORDING, "--flow-log-format", swapped), 1);

        assertTrue(error.contains(":1: header: expected the columns of --flow-log-format"), error);
        assertTrue(error.contains("dstaddr srcaddr") && error.contains("srcaddr dstaddr"), error);
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void flowLogFormatWithoutProtocolIsAUsageErrorNamingTheField() {
        String error = firstErrorLine(generate(V5, RECORDING, "--flow-log-format",
                "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${packets} ${bytes}"
                        + " ${start} ${end} ${action} ${log-status}"), 2);

        assertTrue(error.contains("--flow-log-format") && error.contains("no protocol"), error);
    }

    @Test
    void flowLogsOfAnotherDayAreReported() {
        Cli.Result r = generate(V5, RECORDING, "--since", "2026-11-29T10:00:00Z", "--until", "2026-11-29T12:00:00Z");

        assertTrue(r.err().contains("flowpol: warning: --flow-logs: 24,008 of 24,008 flow-log records start more than an hour"
                + " outside --since/--until"), r.toString());
    }

    @Test
    void recordingOfAnotherWeekIsReported() throws IOException {
        Path shifted = Files.writeString(tmp.resolve("later.jsonl"),
                Files.readString(RECORDING).replace("\"time\":\"2026-11-30T", "\"time\":\"2026-12-07T"));

        Cli.Result r = generate(V5, shifted);

        assertTrue(r.err().contains("flowpol: warning: --cluster: 24,008 of 24,008 flow-log records"), r.toString());
        assertTrue(r.err().contains("record the cluster over the same window"), r.toString());
    }

    // Item 7

    @Test
    void podRelabeledOffItsDeploymentIsOrphanedAndThePoliciesPassTheSelfCheck() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(RECORDING));
        String pod = "cart-2zd5cwwxtr-c5vwn";
        String relabeled = null;
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode event = (ObjectNode) JSON.readTree(lines.get(i));
            if (!named(event, "Pod", pod)) {
                continue;
            }
            if (relabeled == null) {
                ObjectNode modified = event.deepCopy();
                modified.put("type", "MODIFIED").put("time", "2026-11-30T10:30:00Z");
                ((ObjectNode) metadata(modified).path("labels")).put("app", "cart-debug");
                relabeled = modified.toString();
            } else {
                ((ObjectNode) metadata(event).path("labels")).put("app", "cart-debug");
                lines.set(i, event.toString());
            }
        }
        lines.add(relabeled);
        Path recording = Files.write(tmp.resolve("relabeled.jsonl"), lines);

        Cli.Result r = generate(V5, recording);

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.exists(tmp.resolve("out/networkpolicies/shop/" + pod + ".yaml")), r.toString());
        assertTrue(Files.readString(tmp.resolve("out/report.md")).contains("pod shop/" + pod + " no longer matches the selector"
                + " of shop/Deployment/cart from 2026-11-30T10:30:00Z"));
    }

    @Test
    void labelsThatAreAStringAreAnInputErrorNamingFileLineAndField() throws IOException {
        Path recording = recording("string-labels.jsonl", e -> named(e, "Pod", "cart-2zd5cwwxtr-c5vwn"),
                e -> metadata(e).put("labels", "app=cart"));

        String error = firstErrorLine(generate(V5, recording), 1);

        assertTrue(error.matches("flowpol: error: .*string-labels\\.jsonl:\\d+: object\\.metadata\\.labels: expected an object"
                + " of string values, found \"app=cart\""), error);
    }

    @Test
    void namespaceWhoseNameLabelIsNotItsNameIsAnInputError() throws IOException {
        Path recording = recording("ns.jsonl", e -> named(e, "Namespace", "shop"),
                e -> ((ObjectNode) metadata(e).path("labels")).put("kubernetes.io/metadata.name", "shopx"));

        String error = firstErrorLine(generate(V5, recording), 1);

        assertTrue(error.contains("ns.jsonl:3: object.metadata.labels.kubernetes.io/metadata.name: expected the"
                + " namespace's name 'shop', found 'shopx'"), error);
    }

    @Test
    void deploymentWithTheLongestValidNameIsWritten() throws IOException {
        String name = "cart-" + "x".repeat(248);
        assertEquals(253, name.length());
        Path recording = recording("long.jsonl", e -> named(e, "Deployment", "cart")
                || "ReplicaSet".equals(e.path("object").path("kind").asText()), e -> {
                    if (named(e, "Deployment", "cart")) {
                        metadata(e).put("name", name);
                    } else {
                        metadata(e).path("ownerReferences").forEach(ref -> {
                            if ("cart".equals(ref.path("name").asText())) {
                                ((ObjectNode) ref).put("name", name);
                            }
                        });
                    }
                });

        Cli.Result r = generate(V5, recording);

        assertEquals(0, r.exitCode(), r.toString());
        try (Stream<Path> files = Files.list(tmp.resolve("out/networkpolicies/shop"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("cart-xxxx")), r.toString());
        }
        assertTrue(Files.readString(tmp.resolve("out/networkpolicies/shop/catalog.yaml")).contains("catalog"),
                "normal names keep their files");
    }

    // Items 9 and 11

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void devZeroAsRecordingIsAnInputErrorNotOutOfMemory() {
        String error = firstErrorLine(generate(V5, Path.of("/dev/zero")), 1);

        assertTrue(error.startsWith("flowpol: error: /dev/zero:1: expected a line of at most 8 MiB"), error);
        assertFalse(error.contains("\0"));
    }

    @Test
    void jsonErrorOnTheFirstLineOfTheRecordingIsLineOne() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(RECORDING));
        lines.set(0, lines.get(0).substring(0, lines.get(0).length() - 2));
        Path recording = Files.write(tmp.resolve("cut.jsonl"), lines);

        String error = firstErrorLine(generate(V5, recording), 1);

        assertTrue(error.contains("cut.jsonl:1: "), error);
    }

    @Test
    void controlBytesFromTheInputReachTheTerminalEscaped() throws IOException {
        Path recording = recording("esc.jsonl", e -> named(e, "Namespace", "shop"),
                e -> e.put("type", "\u001b]0;owned\u0007ADDED"));

        Cli.Result r = generate(V5, recording);
        String error = firstErrorLine(r, 1);

        assertFalse(r.err().contains("\u001b") || r.err().contains("\u0007"), r.toString());
        assertTrue(error.contains("found \\x1b]0;owned\\x07ADDED"), error);
    }

    @Test
    void aByteOrderMarkBeforeTheFlowLogHeaderIsIgnored() throws IOException {
        byte[] text = new java.util.zip.GZIPInputStream(Files.newInputStream(firstV5File())).readAllBytes();
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Path file = Files.write(tmp.resolve("bom.log"), withBom);

        Cli.Result r = generate(file, RECORDING, "--strict");

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("(0 malformed skipped)"), r.toString());
    }
}
