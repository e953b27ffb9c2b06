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
            if (exception instanceof InputException) {
                return FAILURE;
            }
            return FAILURE;
        }
    }
}
