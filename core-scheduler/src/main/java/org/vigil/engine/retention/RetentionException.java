package org.vigil.engine.retention;

/** Carries a {@link RetentionProblem} out of a store; callers report the problem, not the trace. */
public final class RetentionException extends RuntimeException {

    private final transient RetentionProblem problem;

    public RetentionException(RetentionProblem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problem = problem;
    }

    public RetentionProblem problem() {
        return problem;
    }
}
