package io.flowpol.cli.options;

import picocli.CommandLine.Option;

/** {@code --strict}: the policy files' warnings (unknown fields, repeated keys) become an error. */
public final class StrictOption {
    @Option(names = "--strict",
            description = "Fail (exit 1) when a policy document has an unknown field (e.g. 'form:' for 'from:') or a key "
                    + "given twice, instead of warning. Default: warn and go on.")
    public boolean strict;
}
