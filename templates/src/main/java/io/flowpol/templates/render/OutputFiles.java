package io.flowpol.templates.render;

import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.synthesize.SourceRanges;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The layout of an output directory (DESIGN.md contracts): {@code networkpolicies/<ns>/<name>.yaml},
 * {@code globalnetworkpolicies/<name>.yaml}, {@code kustomization.yaml}, {@code edges.json},
 * {@code service-patches/} (learned {@code loadBalancerSourceRanges}, when there are any),
 * {@code report.md} (and {@link OutputManifest#FILE}, written after these); and the writing of one
 * model into it.
 */
final class OutputFiles {
    static final String NETWORK_POLICIES = "networkpolicies";
    static final String GLOBAL_POLICIES = "globalnetworkpolicies";
    static final String KUSTOMIZATION = "kustomization.yaml";
    static final String EDGES = "edges.json";
    static final String REPORT = "report.md";
    private static final String NETWORK_POLICY_TEMPLATE = "networkpolicy.yaml.ftl";
    private static final String GLOBAL_POLICY_TEMPLATE = "globalnetworkpolicy.yaml.ftl";
    private static final String KUSTOMIZATION_TEMPLATE = "kustomization.yaml.ftl";
    private static final String REPORT_TEMPLATE = "report.md.ftl";
    /** The Calico dialect's directory (issue 16), with its own kustomization.yaml. */
    static final String CALICO = "calico";
    static final String NETWORK_SETS = "globalnetworksets";
    static final String TIER = "tier.yaml";
    private static final String CALICO_POLICY_TEMPLATE = "calicopolicy.yaml.ftl";
    private static final String NETWORK_SET_TEMPLATE = "globalnetworkset.yaml.ftl";
    private static final String TIER_TEMPLATE = "tier.yaml.ftl";
    private static final String SERVICE_PATCH_TEMPLATE = "service-patch.yaml.ftl";
    private static final String SERVICE_PATCHES_TEMPLATE = "service-patches.yaml.ftl";
    /** Every template {@link #writeAll} renders. */
    static final List<String> TEMPLATES = List.of(NETWORK_POLICY_TEMPLATE, GLOBAL_POLICY_TEMPLATE,
            KUSTOMIZATION_TEMPLATE, REPORT_TEMPLATE, CALICO_POLICY_TEMPLATE, NETWORK_SET_TEMPLATE, TIER_TEMPLATE,
            SERVICE_PATCH_TEMPLATE, SERVICE_PATCHES_TEMPLATE);

    private final OutputRenderer renderer;
    private final OutputModel model;

    OutputFiles(OutputRenderer renderer, OutputModel model) {
        this.renderer = renderer;
        this.model = model;
    }

    void writeAll(Path dir) throws IOException {
        SynthesizedPolicies synthesized = model.policies();
        EvidenceIndex evidence = new EvidenceIndex(synthesized, model.inventory());
        List<String> resources = new ArrayList<>();
        OutputModel.Dialects dialects = model.dialects();
        if (dialects.kubernetes()) {
            writeKubernetes(dir, synthesized, evidence, resources);
        }
        if (dialects.calico() != null) {
            writeCalico(dir.resolve(CALICO), dialects.calico());
            if (!dialects.kubernetes()) {
                resources.add(CALICO);
            }
        }
        boolean patches = writeServicePatches(dir, synthesized.sourceRanges());
        renderer.renderTemplate(KUSTOMIZATION_TEMPLATE, "kustomization",
                new KustomizationView(resources, patches ? SourceRanges.DIRECTORY : ""), dir.resolve(KUSTOMIZATION));
        EdgesJson.write(dir.resolve(EDGES), model.result(), synthesized, model.inventory(), model.beyondObserved());
        renderer.renderTemplate(REPORT_TEMPLATE, "report", ReportViews.of(model), dir.resolve(REPORT));
    }

    /**
     * The Calico dialect under {@code calico/}: {@code tier.yaml}, {@code globalnetworksets/<name>.yaml},
     * {@code networkpolicies/<ns>/<name>.yaml}, {@code globalnetworkpolicies/<name>.yaml} (file names
     * without the tier prefix of the policy names) and its {@code kustomization.yaml}.
     */
    private void writeCalico(Path dir, SynthesizedPolicies calico) throws IOException {
        EvidenceIndex evidence = new EvidenceIndex(calico, model.inventory());
        List<String> resources = new ArrayList<>();
        renderer.renderTemplate(TIER_TEMPLATE, "tier", CalicoPolicyViews.tier(), dir.resolve(TIER));
        resources.add(TIER);
        for (var set : calico.policies().networkSets()) {
            String file = NETWORK_SETS + "/" + PolicyFileNames.segment(set.name()) + ".yaml";
            renderer.renderTemplate(NETWORK_SET_TEMPLATE, "set", CalicoPolicyViews.of(set), dir.resolve(file));
            DocumentSize.check(dir.resolve(file), CALICO + "/" + file, "GlobalNetworkSet " + set.name());
            resources.add(file);
        }
        for (CalicoPolicy policy : calico.policies().calicoPolicies()) {
            String name = fileName(policy.name());
            String file = policy.kind().global() ? PolicyFileNames.globalNetworkPolicy(name)
                    : PolicyFileNames.networkPolicy(policy.namespace(), name);
            renderer.renderTemplate(CALICO_POLICY_TEMPLATE, "policy", CalicoPolicyViews.of(policy, evidence),
                    dir.resolve(file));
            stageIfAsked(dir.resolve(file));
            DocumentSize.check(dir.resolve(file), CALICO + "/" + file, policy.kind().kindName() + " "
                    + (policy.namespace() == null ? "" : policy.namespace() + "/") + policy.name());
            resources.add(file);
        }
        renderer.renderTemplate(KUSTOMIZATION_TEMPLATE, "kustomization", new KustomizationView(resources),
                dir.resolve(KUSTOMIZATION));
    }

    /** A policy's file name: its name without the tier prefix every Calico dialect name has. */
    private static String fileName(String policyName) {
        String prefix = io.flowpol.inference.synthesize.CalicoDialect.TIER + ".";
        return policyName.startsWith(prefix) ? policyName.substring(prefix.length()) : policyName;
    }

    /** With {@code --staged}, the rendered policy file as its staged kind ({@link StagedKinds}). */
    private void stageIfAsked(Path file) throws IOException {
        if (model.dialects().staged()) {
            java.nio.file.Files.writeString(file, StagedKinds.stage(java.nio.file.Files.readString(file)));
        }
    }

    private void writeKubernetes(Path dir, SynthesizedPolicies synthesized, EvidenceIndex evidence,
                                 List<String> resources) throws IOException {
        for (NetworkPolicy policy : synthesized.policies().networkPolicies()) {
            String file = PolicyFileNames.networkPolicy(policy.namespace(), policy.name());
            renderer.renderTemplate(NETWORK_POLICY_TEMPLATE, "policy", NetworkPolicyViews.of(policy, evidence),
                    dir.resolve(file));
            stageIfAsked(dir.resolve(file));
            DocumentSize.check(dir.resolve(file), file, "NetworkPolicy " + policy.namespace() + "/" + policy.name());
            resources.add(file);
        }
        for (CalicoPolicy policy : synthesized.policies().calicoPolicies()) {
            if (!policy.kind().global()) {
                throw new IllegalArgumentException("only global Calico policies are rendered: " + policy.name());
            }
            String file = PolicyFileNames.globalNetworkPolicy(policy.name());
            renderer.renderTemplate(GLOBAL_POLICY_TEMPLATE, "policy",
                    GlobalNetworkPolicyViews.of(policy, evidence), dir.resolve(file));
            stageIfAsked(dir.resolve(file));
            DocumentSize.check(dir.resolve(file), file, "GlobalNetworkPolicy " + policy.name());
            resources.add(file);
        }
    }

    /**
     * {@code service-patches/<ns>/<service>.yaml} per learned {@code loadBalancerSourceRanges} and
     * the kustomize Component listing them (issue 11 item 3); a Component, as the Services are not
     * among this output's resources. Written before the manifest like every file, so it is listed.
     */
    private boolean writeServicePatches(Path dir, List<SourceRanges> sourceRanges) throws IOException {
        if (sourceRanges.isEmpty()) {
            return false;
        }
        List<String> paths = new ArrayList<>();
        for (SourceRanges r : sourceRanges) {
            String path = PolicyFileNames.segment(r.namespace()) + "/" + PolicyFileNames.segment(r.service()) + ".yaml";
            renderer.renderTemplate(SERVICE_PATCH_TEMPLATE, "patch", ServicePatchView.of(r),
                    dir.resolve(SourceRanges.DIRECTORY).resolve(path));
            paths.add(path);
        }
        renderer.renderTemplate(SERVICE_PATCHES_TEMPLATE, "patches", new ServicePatchesView(paths),
                dir.resolve(SourceRanges.DIRECTORY).resolve(KUSTOMIZATION));
        return true;
    }
}
