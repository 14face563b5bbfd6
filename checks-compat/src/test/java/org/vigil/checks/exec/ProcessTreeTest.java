package org.vigil.checks.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding the pipe a plugin's stdout goes to, which a timeout uses to find processes still holding it. */
class ProcessTreeTest {

    /**
     * Read from this JVM's own end of the pipe, which needs nothing of the child: a plugin that leaves a detached
     * child holding its stdout and exits before the runner looks at its fd 1 must not make the runner wait for
     * ever. (Once the JDK has seen the exit it swaps the stream for what was buffered, and reading cannot block.)
     */
    @Test
    void thePipeIsReadFromThisJvmsOwnEnd() throws Exception {
        Process p = new ProcessBuilder("/bin/sleep", "5").start();
        try {
            String own = ProcessTree.ownEnd(p.getInputStream());
            assertThat(own).as("needs --add-opens java.base/java.io, as the jar's manifest gives").startsWith("pipe:[");
            assertThat(ProcessTree.stdoutPipe(p.pid())).as("the child's fd 1 is the same pipe").isEqualTo(own);
            assertThat(ProcessTree.stdoutPipe(p)).isEqualTo(own);
        } finally {
            p.destroyForcibly().waitFor();
        }
    }
}
