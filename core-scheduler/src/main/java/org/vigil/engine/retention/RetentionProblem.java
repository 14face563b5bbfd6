package org.vigil.engine.retention;

/**
 * Why retention failed, for a user: where (a file or a database URL without its password), what is
 * wrong, and what to do. Printed like a compiler message: {@code where: error: what (todo)}.
 */
public record RetentionProblem(String where, String what, String todo) {

    @Override
    public String toString() {
        return where + ": error: " + what + " (" + todo + ")";
    }
}
