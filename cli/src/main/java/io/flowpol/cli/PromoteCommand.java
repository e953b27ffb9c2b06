package io.flowpol.cli;

import io.flowpol.cli.options.VerboseOption;
import io.flowpol.templates.render.OutputTarget;
import io.flowpol.templates.render.PolicyPromotion;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowpol promote}: turn a staged policy set into the enforced kinds (issue 16 item 3). */
@Command(name = "promote", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Rewrite a staged policy set (generate --staged) into the enforced kinds.",
            "",
            "StagedKubernetesNetworkPolicy becomes NetworkPolicy, StagedNetworkPolicy NetworkPolicy and StagedGlobalNetworkPolicy GlobalNetworkPolicy; nothing else changes, so the result is byte for byte what generate writes without --staged. Written beside the target and moved into place when complete, like generate's output."})
public final class PromoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The staged output directory of generate, learn or propose.")
    Path staged;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the enforced set; an existing directory is replaced only if flowpol wrote it. "
                    + "Default: DIR itself (promoted in place).")
    Path out;

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Override
    public Integer call() {
        Path target = out == null ? staged : out;
        OutputTarget.check(target);
        int promoted = PolicyPromotion.promote(staged, target);
        spec.commandLine().getOut().printf("flowpol: promoted %d staged policies to enforced kinds in %s%n", promoted, target);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
