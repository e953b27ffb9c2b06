package io.flowpol.inference.model;

/**
 * Bad input that stops the run: the CLI prints {@link InputProblem#message()} on one line and
 * exits 1 (DESIGN.md exit codes).
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient InputProblem problem;

    public InputException(InputProblem problem) {
        this(problem, null);
    }

    public InputException(InputProblem problem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
    }

    public InputProblem problem() {
        return problem;
    }
}
