package io.flowpol.cli;

import io.flowpol.cli.options.PolicyOptions;
import io.flowpol.inference.diff.BeyondObserved;
import io.flowpol.inference.evaluate.EdgeReplay;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.synthesize.PolicySynthesizer;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What {@code generate} and {@code learn} do once edges are learned: synthesize, replay the
 * policies against the learned edges they are meant to allow (the safety invariant, DESIGN.md
 * contracts), and only if none is denied render to the output directory and print the summary.
 * Edges left out on purpose ({@code --min-connections}, a protocol no rule can express) are not
 * replayed: their denial is the intended result, and the report lists them (issue 12 item 6).
 */
final class PolicyRun {
    private PolicyRun() {
    }

    /**
     * @param renderer started when the command began, so that it is ready now
     * @param vpcCidrs {@code --vpc-cidr} values, or null for the default
     * @throws DeniesObservedTrafficException the policies would deny a learned edge; nothing was written
     */
    static SynthesizedPolicies run(PolicyOptions options, RendererPreparation renderer, LearningPipeline.Learned learned,
                                   AwsNetwork.Checked network, List<String> vpcCidrs, Path out, PrintWriter stdout,
                                   PrintWriter err) {
        var timeline = learned.recording().timeline();
        SynthesizedPolicies policies = new PolicySynthesizer(options.synthesisOptions())
                .synthesize(learned.result(), timeline, network.inventory());
        // What the policies allow beyond the observed edges (issue 18 item 3) does not depend on the
        // self-check: computed beside it, as it costs a few hundred ms on a cold JVM.
        CompletableFuture<List<BeyondObserved>> beyond = CompletableFuture.supplyAsync(
                () -> NewReachabilities.beyondObserved(learned, policies, vpcCidrs));
        List<EdgeReplay.EdgeOutcome> denied = SelfCheck.denied(policies.policies(),
                policies.meantToAllow(learned.result().edges()), new EndpointCatalog(timeline));
        if (!denied.isEmpty()) {
            SelfCheck.printDenied(denied, err);
            throw new DeniesObservedTrafficException("generated policies would deny " + denied.size()
                    + " observed edge(s); nothing was written (this is a flowpol bug: please report it with the edges above)");
        }
        var dialects = DialectCheck.dialects(options, policies, learned.result().edges(), timeline, vpcCidrs, err);
        OutputWriter.write(out, renderer.renderer(), policies, learned, network, join(beyond), dialects);
        Summary.print(stdout, err, out, policies, learned, dialects);
        return policies;
    }

    private static List<BeyondObserved> join(CompletableFuture<List<BeyondObserved>> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
