package io.flowpol.cli.options;

import picocli.CommandLine.Option;

/** {@code --verbose}: stack traces on errors and more detail on stderr. */
public final class VerboseOption {
    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors and more progress detail.")
    public boolean verbose;
}
