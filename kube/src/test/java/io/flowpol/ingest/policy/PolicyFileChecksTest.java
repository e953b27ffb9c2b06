package io.flowpol.ingest.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.policy.NetworkPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub issue 12: what the policy reader says about a file's mistakes, and how it reads large or hostile files. */
class PolicyFileChecksTest {
    private static final String PLAIN = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: plain, namespace: shop}
            spec:
              podSelector: {}
              ingress:
              - from:
                - podSelector: {matchLabels: {app: web}}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private List<String> warnings(PolicyReadResult read) {
        read.warnings().forEach(w -> assertEquals(Finding.Severity.WARNING, w.severity()));
        return read.warnings().stream().map(InputProblem::message).toList();
    }

    @Test
    void aFormTypoInAnIngressRuleIsReportedWithFileLineDocumentAndPath() throws IOException {
        Path file = write("p.yaml", PLAIN + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: typo, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - form:
                    - podSelector: {matchLabels: {app: api}}
                    ports: [{port: 5432}]
                """);

        PolicyReadResult read = new PolicyReader().read(List.of(file));

        assertEquals(List.of(file + ":16: document 2: spec.ingress[0].form: expected one of from, ports, found \"form\" "
                + "(did you mean \"from\"?), an unknown field, which flowpol ignores"), warnings(read));
        NetworkPolicy typo = read.policies().networkPolicies().get(1);
        assertTrue(typo.ingress().get(0).peers().isEmpty(), "read as the API server would: a rule from anywhere");
    }

    @Test
    void unknownFieldsOfCalicoPoliciesAndOfMetadataAreReported() throws IOException {
        Path file = write("gnp.yaml", """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: db, namspace: shop}
                spec:
                  selector: app == 'db'
                  ingress:
                  - action: Allow
                    sorce: {selector: app == 'api'}
                  preDNAT: false
                """);

        List<String> warnings = warnings(new PolicyReader().read(List.of(file)));

        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(file + ":3: document 1: metadata.namspace: expected a GlobalNetworkPolicy field, "
                + "found \"namspace\" (did you mean \"namespace\"?)"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith(file + ":8: document 1: spec.ingress[0].sorce: expected "), warnings.get(1));
        assertTrue(warnings.get(1).contains("(did you mean \"source\"?)"), warnings.get(1));
    }

    @Test
    void aKeyGivenTwiceIsReportedAndTheLastValueCounts() throws IOException {
        Path file = write("dup.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: first
                  namespace: shop
                  name: second
                spec: {podSelector: {}}
                """);

        PolicyReadResult read = new PolicyReader().read(List.of(file));

        assertEquals(List.of(file + ":6: document 1: metadata.name: expected each key once in a mapping, found it again "
                + "(first on line 4): flowpol uses the last value, kubectl refuses the document"), warnings(read));
        assertEquals("second", read.policies().networkPolicies().get(0).name());
    }

    @Test
    void listItemsAreCheckedWithTheirPathInTheList() throws IOException {
        Path file = write("list.yaml", "apiVersion: v1\nkind: List\nitems:\n- " + PLAIN.replace("\n", "\n  ")
                .replace("podSelector: {}", "podSelector: {}\n    egres: []"));

        List<String> warnings = warnings(new PolicyReader().read(List.of(file)));

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(file + ":9: document 1: items[0].spec.egres: "), warnings.get(0));
    }

    @Test
    void otherKindsAndWellFormedPoliciesGetNoWarning() throws IOException {
        Path file = write("ok.yaml", PLAIN + "status: {}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\nnonsense: 1\n");

        assertEquals(List.of(), new PolicyReader().read(List.of(file)).warnings());
    }

    @Test
    void aFileReachedThroughASymlinkOrNamedTwiceIsReadOnce() throws IOException {
        Path file = write("a.yaml", PLAIN);
        Files.createSymbolicLink(dir.resolve("b.yaml"), file);

        PolicyReadResult read = new PolicyReader().read(List.of(dir, file));

        assertEquals(1, read.policies().networkPolicies().size());
    }

    @Test
    void calicoAndKubernetesNetworkPoliciesOfOneNameAreTwoPolicies() throws IOException {
        Path file = write("both.yaml", PLAIN + """
                ---
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: plain, namespace: shop}
                spec: {selector: all()}
                """);

        PolicyReadResult read = PolicyReader.keepingDocuments().read(List.of(file));

        assertEquals(1, read.policies().networkPolicies().size());
        assertEquals(1, read.policies().calicoPolicies().size());
        assertEquals(2, read.documents().size());
    }

    @Test
    void documentsReachTheReaderOneByOneBeforeTheRestOfTheFileIsParsed() throws IOException {
        Path file = write("stream.yaml", PLAIN + "---\nkind: [unclosed\n");
        List<SourceDocument> seen = new ArrayList<>();

        InputException e = assertThrows(InputException.class, () -> YamlDocuments.forEach(List.of(file), seen::add));

        assertEquals(1, seen.size(), "the first document is handed on while the second is still unread");
        assertTrue(e.getMessage().contains("document 2"), e.getMessage());
    }

    @Test
    void theReaderKeepsNoDocumentTreeOnceItIsRead() throws IOException {
        PolicyReader.Reading reading = PolicyReader.keepingDocuments().start(true);
        List<java.lang.ref.WeakReference<Object>> trees = new ArrayList<>();
        YamlDocuments.forEach(List.of(write("p.yaml", PLAIN + "---\n" + PLAIN.replace("plain", "other"))), doc -> {
            trees.add(new java.lang.ref.WeakReference<>(doc.node()));
            reading.add(doc);
        });
        assertEquals(2, reading.result().policies().networkPolicies().size());

        for (int i = 0; i < 10 && trees.stream().anyMatch(t -> t.get() != null); i++) {
            System.gc(); // a full collection in the JVM's default collector; repeated in case it is deferred
        }

        assertTrue(trees.stream().allMatch(t -> t.get() == null), "a document tree is still reachable from the reading");
    }

    @Test
    void aBillionLaughsAliasBombStaysSmallAndFailsWithOneLine() throws IOException {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: bomb, namespace: shop}
                x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
                """);
        for (int i = 1; i < 12; i++) {
            yaml.append("x").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        yaml.append("spec:\n  podSelector: {}\n  ingress: *a11\n");
        Path file = write("bomb.yaml", yaml.toString());

        // 10^12 strings if aliases were expanded; Jackson's parser reads an alias as its anchor's name
        InputException e = assertThrows(InputException.class, () -> new PolicyReader().read(List.of(file)));

        assertTrue(e.getMessage().startsWith(file + ": document 1: spec.ingress: expected a list"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aListDocumentLargerThanSnakeYamlsDefaultLimitIsRead() throws IOException {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
        int count = 4_000; // about 4 MB: SnakeYAML's default refuses a document over 3 MiB code points
        for (int i = 0; i < count; i++) {
            yaml.append("- ").append(PLAIN.replace("name: plain", "name: p" + i).replace("\n", "\n  ")
                    .replace("podSelector: {}", "podSelector: {}\n    # " + "padding ".repeat(100)));
            yaml.setLength(yaml.length() - 2);
        }
        Path file = write("big-list.yaml", yaml.toString());
        assertTrue(Files.size(file) > 3 << 20, Long.toString(Files.size(file)));

        assertEquals(count, new PolicyReader().read(List.of(file)).policies().networkPolicies().size());
    }
}
