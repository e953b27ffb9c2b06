package io.flowpol.cli;

import io.flowpol.inference.model.InputException;
import picocli.CommandLine;

/** DESIGN.md exit codes, picocli conventions: 0 ok, 1 input/runtime failure, 2 usage, 3 policies deny observed traffic. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int DENIES_OBSERVED_TRAFFIC = 3;

    private ExitCodes() {
    }

    /**
     * A bad value of a flag (no file involved, e.g. {@code --min-connections 0}) is a usage error,
     * as picocli reports {@code --since yesterday}; bad content of a file stays exit 1.
     */
    static boolean isOptionValue(InputException e) {
        var problem = e.problem();
        return problem != null && problem.file() == null && problem.field() != null && problem.field().startsWith("--");
    }

    /** The one mapping from exceptions to exit codes (STYLE.md habit 7). */
    static final class Mapper implements CommandLine.IExitCodeExceptionMapper {
        @Override
        public int getExitCode(Throwable exception) {
            if (exception instanceof CommandLine.ParameterException) {
                return USAGE;
            }
            if (exception instanceof DeniesObservedTrafficException) {
                return DENIES_OBSERVED_TRAFFIC;
            }
            if (exception instanceof InputException e && isOptionValue(e)) {
                return USAGE;
            }
            return FAILURE;
        }
    }
}
