package io.flowpol.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The minimal reproducers of what the issue 12 fuzz found, kept as regression tests: each broke
 * the fuzz's contract ({@link RunChecks}) before the fix it names. Each is built from the
 * mutation records the fuzz printed, on the same demo slices. All but the metadata guard were
 * fixed by the issue 12 branches merged into main while the fuzz ran.
 */
class FuzzFindingsTest {
    /** Line 39 of the demo recording: the ADDED event of pod shop/frontend-8kff6mthhb-ghv6c. */
    private static final int FRONTEND_POD = 39;

    @TempDir
    Path tmp;

    private FlowpolRun generateAndCheck(byte[] flowLogs, String flowLogName, byte[] recording, String... options)
            throws IOException {
        Path logs = tmp.resolve("logs").resolve(flowLogName);
        Files.createDirectories(logs.getParent());
        Files.write(logs, flowLogs);
        Path events = Files.write(tmp.resolve("recording.jsonl"), recording);
        Path out = tmp.resolve("out");
        var siblings = RunChecks.entries(tmp);
        FlowpolRun run = GenerateFuzzTest.generate(logs, events, out, options);
        RunChecks.writerRun(run, out, Map.of(), siblings);
        return run;
    }

    /**
     * Found on this branch and fixed here (CalicoGuards): flow logs showing workloads reaching
     * 169.254.169.254 (v2 srcaddr column replaced) made flowpol-deny-metadata deny those
     * observed edges, and generate exit 3.
     */
    @Test
    void workloadsSeenReachingTheMetadataServiceAreNotDeniedByTheMetadataGuard() throws IOException {
        byte[] logs = new LineMutations.ReplaceColumn(3, FieldValue.METADATA, 1).apply(FuzzInputs.slice("v2"));
        FlowpolRun run = generateAndCheck(logs, "flows.log", FuzzInputs.recording());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(Files.readString(tmp.resolve("out/report.md")).contains("reached the instance metadata service"),
                "the exemption is reported");
    }

    /** Exit 3 (self-check) before the h-inputs merge (relabelled pods refused or handled). */
    @Test
    void aPodRelabelledAwayFromItsSelectorDoesNotFailTheSelfCheck() throws IOException {
        byte[] recording = new JsonMutations.Relabel(FRONTEND_POD, JsonValue.SHORT_STRING).apply(FuzzInputs.recording());
        generateAndCheck(FuzzInputs.slice("v5"), "flows.log", recording);
    }

    /** Exit 3 on TCP/0 edges before the h-inputs merge (issue 12 item 8, header checks). */
    @Test
    void aHeaderWithoutSrcportDoesNotFailTheSelfCheck() throws IOException {
        // v2 header field 5 is srcport: "... dstaddr \u00e9t\u00e9 dstport ..."
        byte[] logs = new LineMutations.ReplaceField(0, 5, FieldValue.NON_ASCII).apply(FuzzInputs.slice("v2"));
        generateAndCheck(logs, "flows.log", FuzzInputs.recording());
    }

    /** Exit 3 on '-1/8080' edges before the h-inputs merge (issue 12 item 8). */
    @Test
    void aHeaderWithoutProtocolDoesNotFailTheSelfCheck() throws IOException {
        byte[] logs = new LineMutations.ReplaceField(0, 7, FieldValue.IP_THREE_OCTETS).apply(FuzzInputs.slice("v5"));
        generateAndCheck(logs, "flows.log", FuzzInputs.recording());
    }

    /** Exit 3 on '0/8080' edges before the h-inference merge (issue 12 items 5, 12). */
    @Test
    void recordsOfProtocolZeroDoNotFailTheSelfCheck() throws IOException {
        byte[] logs = new LineMutations.ReplaceColumn(7, FieldValue.ZERO, 1).apply(FuzzInputs.slice("v5"));
        generateAndCheck(logs, "flows.log", FuzzInputs.recording());
    }

    /** Exit 3 on ICMP/8080 edges before the h-inference merge (issue 12 items 5, 12). */
    @Test
    void aWindowOfIcmpDoesNotFailTheSelfCheck() throws IOException {
        byte[] logs = new LineMutations.ReplaceColumn(7, FieldValue.ICMP, 1).apply(FuzzInputs.slice("v5"));
        generateAndCheck(logs, "flows.log", FuzzInputs.recording());
    }

    /** Exit 3 before the h-inference merge (issue 12 item 6): the self-check replayed the edges left out. */
    @Test
    void minConnectionsDoesNotFailTheSelfCheck() throws IOException {
        generateAndCheck(FuzzInputs.slice("v5"), "flows.log", FuzzInputs.recording(), "--min-connections", "10");
    }

    /** 'found ZipException: Corrupt GZIP trailer' before the h-cli merge. */
    @Test
    void aCorruptGzipTrailerIsReportedWithoutAClassName() throws IOException {
        byte[] object = new GzipMutations.TrailerByte(1, 48).apply(FuzzInputs.object("v2"));
        FlowpolRun run = generateAndCheck(object, "flows.log.gz", FuzzInputs.recording());
        assertFalse(run.err().contains("ZipException"), run.toString());
    }

    /** '(1000, from `StreamReadConstraints.getMaxNumberLength()`)' before the h-inputs / h-cli merges. */
    @Test
    void aHugeNumberInTheFirstRecordingLineIsReportedWithoutAJavaName() throws IOException {
        byte[] recording = new LineMutations.LongLine(0, 369).apply(FuzzInputs.recording());
        generateAndCheck(FuzzInputs.slice("v5"), "flows.log", recording);
    }

    /** 'found java.io.CharConversionException: Invalid UTF-8 middle byte' before the h-cli merge. */
    @Test
    void anInvalidUtf8PolicyFileIsReportedWithoutAClassName() throws IOException {
        Path policies = policiesWith("globalnetworkpolicies/flowpol-deny-metadata.yaml",
                // 0xE9 (Latin-1 e-acute) before ASCII: a lead byte without its continuation byte
                new ByteMutations.Overwrite(3390, Snippet.LATIN1_E_ACUTE));
        RunChecks.verifyRun(verify(policies));
    }

    /**
     * "Document nesting depth (1001) exceeds the maximum allowed (1000, from
     * `StreamReadConstraints.getMaxNestingDepth()`)", a Jackson API name in a user message,
     * before the h-policyread merge.
     */
    @Test
    void aPolicyNested3000DeepIsReportedWithoutAJavaName() throws IOException {
        // line 9 of default-deny.yaml is "  podSelector: {}"
        Path policies = policiesWith("networkpolicies/ops/default-deny.yaml",
                new YamlMutations.ReplaceValue(9, YamlMutations.YamlValue.NESTED_3000));
        FlowpolRun run = verify(policies);
        RunChecks.verifyRun(run);
        assertEquals(1, run.exit(), "the nested value is refused\n" + run);
    }

    /** Before the h-inputs merge (issue 12 items 9, 11): OutOfMemoryError under -Xmx256m. */
    @Test
    void aGzipRecordingInflatingToOneHugeLineDoesNotRunTheHeapOut() throws IOException {
        Path recording = tmp.resolve("recording.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(recording)), 1 << 20)) {
            out.write(FuzzInputs.recording());
            out.write("{\"time\":\"2026-11-30T10:00:00Z\",\"type\":\"ADDED\",\"object\":{\"a\":\"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 300; i++) {
                out.write(chunk);
            }
        }
        Path logs = Files.write(tmp.resolve("flows.log"), FuzzInputs.slice("v5"));
        Path out = tmp.resolve("out");
        var siblings = RunChecks.entries(tmp);
        FlowpolRun run = ChildJvm.run(tmp, "generate", "--flow-logs", logs.toString(), "--cluster", recording.toString(),
                "--out", out.toString());
        RunChecks.writerRun(run, out, Map.of(), siblings);
    }

    /** The policies generate writes for the v5 slice, with {@code mutation} applied to {@code file}. */
    private Path policiesWith(String file, Mutation mutation) throws IOException {
        Path policies = tmp.resolve("policies");
        FlowpolRun generated = GenerateFuzzTest.generate(Files.write(tmp.resolve("flows.log"), FuzzInputs.slice("v5")),
                Files.write(tmp.resolve("recording.jsonl"), FuzzInputs.recording()), policies);
        assertEquals(0, generated.exit(), generated.toString());
        Path target = policies.resolve(file);
        Files.write(target, mutation.apply(Files.readAllBytes(target)));
        return policies;
    }

    private FlowpolRun verify(Path policies) {
        return FlowpolRun.of("verify", "--policies", policies.toString(), "--flow-logs", tmp.resolve("flows.log").toString(),
                "--cluster", tmp.resolve("recording.jsonl").toString());
    }
}
