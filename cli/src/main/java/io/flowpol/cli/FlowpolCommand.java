package io.flowpol.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code flowpol} command: only lists its subcommands ({@link Main} adds them). */
@Command(name = "flowpol",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Learns least-privilege Kubernetes NetworkPolicy and Calico GlobalNetworkPolicy for Amazon EKS from VPC Flow Logs and a recording of the cluster, for human review.",
            ""},
        footer = {"", "Exit codes: 0 success, 1 bad input or failure, 2 usage error, "
                + "3 the policies would deny observed traffic.", "Run 'flowpol COMMAND --help' for a command's options."})
public final class FlowpolCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
