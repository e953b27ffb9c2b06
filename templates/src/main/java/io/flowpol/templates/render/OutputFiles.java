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
    private static final String SERVICE_PATCH_TEMPLATE = "service-patch.yaml.ftl";
    private static final String SERVICE_PATCHES_TEMPLATE = "service-patches.yaml.ftl";
    /** Every template {@link #writeAll} renders. */
    static final List<String> TEMPLATES = List.of(NETWORK_POLICY_TEMPLATE, GLOBAL_POLICY_TEMPLATE,
            KUSTOMIZATION_TEMPLATE, REPORT_TEMPLATE, SERVICE_PATCH_TEMPLATE, SERVICE_PATCHES_TEMPLATE);

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
        for (NetworkPolicy policy : synthesized.policies().networkPolicies()) {
            String file = PolicyFileNames.networkPolicy(policy.namespace(), policy.name());
            renderer.renderTemplate(NETWORK_POLICY_TEMPLATE, "policy", NetworkPolicyViews.of(policy, evidence),
                    dir.resolve(file));
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
            DocumentSize.check(dir.resolve(file), file, "GlobalNetworkPolicy " + policy.name());
            resources.add(file);
        }
        boolean patches = writeServicePatches(dir, synthesized.sourceRanges());
        renderer.renderTemplate(KUSTOMIZATION_TEMPLATE, "kustomization",
                new KustomizationView(resources, patches ? SourceRanges.DIRECTORY : ""), dir.resolve(KUSTOMIZATION));
        EdgesJson.write(dir.resolve(EDGES), model.result(), synthesized, model.inventory(), model.beyondObserved());
        renderer.renderTemplate(REPORT_TEMPLATE, "report", ReportViews.of(model), dir.resolve(REPORT));
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
