package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.diff.DialectEquivalence;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.ingest.policy.PolicyReader;
import io.flowpol.samples.ScenarioGenerator;
import io.flowpol.samples.ScenarioOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Calico dialect (issue 16): {@code --dialect both} writes two sets that the evaluator proves
 * equivalent — checked here again on the files as written and read back, not on the model that
 * produced them — every document is schema-valid, staged sets promote to the enforced bytes.
 */
class CalicoDialectTest {
    private static final Path RECORDING = Cli.DEMO.resolve("recording.jsonl");

    @TempDir
    Path tmp;

    private Cli.Result generate(Path logs, Path recording, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("generate", "--flow-logs", logs.toString(), "--cluster",
                recording.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The written Kubernetes set (root) and Calico set ({@code calico/}), read back by the policy reader. */
    private static PolicySet kubernetesSet(Path out) {
        return new PolicyReader().read(List.of(out.resolve("networkpolicies"), out.resolve("globalnetworkpolicies")))
                .policies();
    }

    private static PolicySet calicoSet(Path out) {
        return new PolicyReader().read(List.of(out.resolve("calico"))).policies();
    }

    /** Documents per kind under {@code dir}, from the files' top-level kind lines. */
    static Map<String, Integer> kinds(Path dir) {
        Map<String, Integer> kinds = new TreeMap<>();
        PolicyOutput.files(dir).forEach((file, text) -> {
            if (file.endsWith(".yaml")) {
                text.lines().filter(l -> l.startsWith("kind: ")).forEach(l -> kinds.merge(l.substring(6), 1, Integer::sum));
            }
        });
        return kinds;
    }

    private static DialectEquivalence.Result reread(Path out, Path logs, Path recording) {
        LearningPipeline.Learned learned = GenerateCommandTest.learn(logs, recording);
        return new DialectEquivalence(new EndpointCatalog(learned.recording().timeline()))
                .check(kubernetesSet(out), calicoSet(out), learned.result().edges());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v5", "v2"})
    void demoInBothDialectsIsProvenEquivalentAsWritten(String format) throws IOException {
        Path out = tmp.resolve("out");
        Path logs = Cli.DEMO.resolve("flowlogs").resolve(format);
        Cli.Result r = generate(logs, RECORDING, out, "--dialect", "both");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("proven equivalent"), r.out());
        assertTrue(PolicyOutput.assertSchemaValid(out) > 30);
        DialectEquivalence.Result result = reread(out, logs, RECORDING);
        assertTrue(result.equivalent(), result.toString());
        assertTrue(result.probes() > 1000, "every workload pair was probed: " + result.probes());
        Map<String, Integer> calico = kinds(out.resolve("calico"));
        assertEquals(1, calico.get("Tier"));
        assertEquals(13, calico.get("NetworkPolicy"), calico.toString());
        assertEquals(3, calico.get("GlobalNetworkPolicy"), calico.toString());
        assertTrue(calico.get("GlobalNetworkSet") >= 1, calico.toString());
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("## Calico dialect"), report);
        assertTrue(report.contains("learned edges: each decided the same by both sets"), report);
        String root = Files.readString(out.resolve("kustomization.yaml"));
        assertFalse(root.contains("calico"), "the root kustomization applies the Kubernetes set only: " + root);
        assertTrue(Files.readString(out.resolve("calico/kustomization.yaml")).contains("tier.yaml"));
    }

    @Test
    void calicoDialectAloneIsApplicableFromTheRootAndRulesNameNetworkSetsBySelector() throws IOException {
        Path out = tmp.resolve("out");
        Path logs = Cli.DEMO.resolve("flowlogs/v5");
        assertEquals(0, generate(logs, RECORDING, out, "--dialect", "calico").exitCode());
        assertFalse(Files.exists(out.resolve("networkpolicies")), "no Kubernetes set");
        assertTrue(Files.readString(out.resolve("kustomization.yaml")).contains("- calico"));
        String postgres = Files.readString(out.resolve("calico/networkpolicies/data/postgres.yaml"));
        assertTrue(postgres.contains("name: flowpol.postgres"), postgres);
        assertTrue(postgres.contains("tier: flowpol"), postgres);
        assertTrue(postgres.contains("namespaceSelector: \"global()\""), postgres);
        assertTrue(postgres.contains("selector: \"flowpol.io/network-set == 'flowpol-"), postgres);
        String deny = Files.readString(out.resolve("calico/networkpolicies/shop/default-deny.yaml"));
        assertTrue(deny.contains("order: 10000") && deny.endsWith("    - action: Deny\n"), deny);
        // verify reads the Calico set with its GlobalNetworkSets: every observed edge allowed
        Cli.Result verify = Cli.run("verify", "--policies", out.resolve("calico").toString(), "--flow-logs",
                logs.toString(), "--cluster", RECORDING.toString());
        assertEquals(0, verify.exitCode(), verify.toString());
    }

    @Test
    void aCalicoSetMissingOneRuleIsNotEquivalent() throws IOException {
        Path out = tmp.resolve("out");
        Path logs = Cli.DEMO.resolve("flowlogs/v5");
        assertEquals(0, generate(logs, RECORDING, out, "--dialect", "both").exitCode());
        PolicySet calico = calicoSet(out);
        List<CalicoPolicy> policies = new ArrayList<>();
        for (CalicoPolicy p : calico.calicoPolicies()) {
            boolean cut = p.name().equals("flowpol.cart") && !p.ingress().isEmpty();
            policies.add(cut ? new CalicoPolicy(p.kind(), p.namespace(), p.name(), p.tier(), p.order(), p.selector(),
                    p.namespaceSelector(), p.serviceAccountSelector(), p.types(), p.ingress().subList(1, p.ingress().size()),
                    p.egress()) : p);
        }
        LearningPipeline.Learned learned = GenerateCommandTest.learn(logs, RECORDING);
        DialectEquivalence.Result result = new DialectEquivalence(new EndpointCatalog(learned.recording().timeline()))
                .check(kubernetesSet(out), new PolicySet(List.of(), policies, List.of(), calico.networkSets()), learned.result().edges());
        assertFalse(result.equivalent());
        assertTrue(result.observedDiffers().stream().allMatch(DialectEquivalence.Difference::calicoAllowsLess), result.toString());
        assertTrue(result.differs().stream().anyMatch(d -> d.server().contains("cart")), result.toString());
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 23})
    void generatedScenariosAreProvenEquivalentInBothDialects(long seed) throws IOException {
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(new ScenarioOptions(seed, Instant.parse("2026-12-01T08:00:00Z"), Duration.ofMinutes(40), 30, 0))
                .write(scenario);
        Path out = tmp.resolve("out");
        Path logs = scenario.resolve("flowlogs/v5");
        Path recording = scenario.resolve("recording.jsonl");
        Cli.Result r = generate(logs, recording, out, "--dialect", "both", "--staged");
        assertEquals(0, r.exitCode(), r.toString());
        PolicyOutput.assertSchemaValid(out);
        Path promoted = tmp.resolve("promoted");
        assertEquals(0, Cli.run("promote", out.toString(), "--out", promoted.toString()).exitCode());
        DialectEquivalence.Result result = reread(promoted, logs, recording);
        assertTrue(result.equivalent(), result.toString());
    }

    @Test
    void stagedCalicoSetValidatesAndPromotesToTheBytesOfTheEnforcedOne() throws IOException {
        Path logs = Cli.DEMO.resolve("flowlogs/v5");
        Path staged = tmp.resolve("staged");
        Path enforced = tmp.resolve("enforced");
        assertEquals(0, generate(logs, RECORDING, staged, "--dialect", "both", "--staged").exitCode());
        assertEquals(0, generate(logs, RECORDING, enforced, "--dialect", "both").exitCode());
        assertTrue(PolicyOutput.assertSchemaValid(staged) > 30);
        Map<String, Integer> kinds = kinds(staged);
        assertEquals(Map.of("Kustomization", 2, "Tier", 1, "GlobalNetworkSet", kinds.get("GlobalNetworkSet"),
                "StagedKubernetesNetworkPolicy", 13, "StagedNetworkPolicy", 13, "StagedGlobalNetworkPolicy", 6), kinds);

        Cli.Result promote = Cli.run("promote", staged.toString());
        assertEquals(0, promote.exitCode(), promote.toString());
        assertTrue(promote.out().contains("promoted 32 staged policies"), promote.out());
        assertEquals(PolicyOutput.files(enforced), PolicyOutput.files(staged), "promoted in place: byte-identical");
    }

    @Test
    void promoteRefusesWhatIsNotAStagedFlowpolOutput() throws IOException {
        Path enforced = tmp.resolve("enforced");
        assertEquals(0, generate(Cli.DEMO.resolve("flowlogs/v5"), RECORDING, enforced, "--dialect", "calico").exitCode());
        Cli.Result r = Cli.run("promote", enforced.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("expected a staged policy set"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        assertEquals(1, Cli.run("promote", foreign.toString()).exitCode());
    }

    @Test
    void anUnknownDialectIsAUsageError() {
        Cli.Result r = generate(Cli.DEMO.resolve("flowlogs/v5"), RECORDING, tmp.resolve("out"), "--dialect", "cilium");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--dialect"), r.err());
    }

    @Test
    void diffShowsWhatPromotingAStagedSetWouldChange() throws IOException {
        // A staged set learned with a high --min-connections leaves rare edges out: once enforced, it denies them.
        Path logs = Cli.DEMO.resolve("flowlogs/v5");
        Path staged = tmp.resolve("staged");
        assertEquals(0, generate(logs, RECORDING, staged, "--dialect", "calico", "--staged", "--min-connections", "100")
                .exitCode());
        Path none = Files.createDirectories(tmp.resolve("none"));
        Cli.Result diff = Cli.run("diff", "--current", none.toString(), "--proposed", staged.resolve("calico").toString(),
                "--flow-logs", logs.toString(), "--cluster", RECORDING.toString());
        assertEquals(0, diff.exitCode(), diff.toString());
        assertTrue(diff.out().contains("Staged -> enforced"), diff.out());
        assertTrue(diff.out().contains("proposed: allowed now, denied once its staged policies are enforced"), diff.out());
    }

    @Test
    void icmpBetweenWorkloadsGetsCalicoRulesAndAKubernetesReportEntry() throws IOException {
        // The demo's v2 logs plus OtherProtocolsTest's reproducer: frontend pings catalog (protocol 1, ports 0 0).
        Path logs = tmp.resolve("flowlogs");
        Path demo = Cli.DEMO.resolve("flowlogs/v2");
        try (var files = Files.walk(demo)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = logs.resolve(demo.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        Files.writeString(logs.resolve("extra.log"), """
                version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
                2 315946178260 eni-0ef4fd9cea08d7f72 10.0.1.159 10.0.1.114 0 0 1 4 336 1796033110 1796033115 ACCEPT OK
                2 315946178260 eni-0c7da5b397e82c419 10.0.1.114 10.0.1.159 0 0 1 4 336 1796033110 1796033115 ACCEPT OK
                """);
        Path out = tmp.resolve("out");
        Cli.Result r = generate(logs, RECORDING, out, "--dialect", "both");
        assertEquals(0, r.exitCode(), r.toString());
        PolicyOutput.assertSchemaValid(out);
        assertTrue(reread(out, logs, RECORDING).equivalent());

        String catalog = Files.readString(out.resolve("calico/networkpolicies/shop/catalog.yaml"));
        assertTrue(catalog.contains("""
                    - action: Allow
                      protocol: ICMP
                      source:
                        selector: "app == 'frontend'"
                        namespaceSelector: "kubernetes.io/metadata.name == 'shop'"
                """), catalog);
        String frontend = Files.readString(out.resolve("calico/networkpolicies/shop/frontend.yaml"));
        assertTrue(frontend.contains("""
                    - action: Allow
                      protocol: ICMP
                      destination:
                        selector: "app == 'catalog'"
                """), frontend);
        assertFalse(Files.exists(out.resolve("calico/globalnetworkpolicies/allow-other-protocols.yaml")),
                "in the Calico set ICMP lives in the workloads' own policies");
        // the reply direction is not allowed: catalog may not ping frontend
        assertFalse(frontend.contains("protocol: ICMP\n      source"), frontend);

        String report = Files.readString(out.resolve("report.md"));
        String section = LeftOutEdgesTest.section(report, "## Not expressible in Kubernetes NetworkPolicy");
        assertTrue(section.contains("| shop/Deployment/frontend | shop/Deployment/catalog | ICMP | 1 |"), section);
        String dialect = LeftOutEdgesTest.section(report, "## Calico dialect");
        assertTrue(dialect.contains("shop/Deployment/frontend → shop/Deployment/catalog ICMP (flowpol.frontend)"), dialect);

        Path calicoOnly = tmp.resolve("calico-only");
        assertEquals(0, generate(logs, RECORDING, calicoOnly, "--dialect", "calico").exitCode());
        String only = LeftOutEdgesTest.section(Files.readString(calicoOnly.resolve("report.md")),
                "## Not expressible in Kubernetes NetworkPolicy");
        assertTrue(only.contains("Calico NetworkPolicy flowpol.frontend (calico/)"), only);
    }
}
