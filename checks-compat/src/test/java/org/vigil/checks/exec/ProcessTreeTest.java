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

    /**
     * A timeout kills what holds the write end of the run's stdout pipe, never a process that holds only its read
     * end: a child being spawned holds a copy of this JVM's descriptors (read ends of every run's pipe) until its
     * exec, and was killed for it while another run timed out.
     */
    @Test
    void onlyTheWriteEndsHoldersAreThePipesHolders() throws Exception {
        // stdout: the child holds the write end; stdin: the child holds the read end of another pipe
        Process writer = new ProcessBuilder("/bin/sleep", "5").start();
        Process reader = new ProcessBuilder("/bin/cat").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String out = ProcessTree.stdoutPipe(writer.pid());
            assertThat(ProcessTree.pipeHolders(out)).containsExactly(writer.pid());
            String in = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/" + reader.pid() + "/fd/0"))
                    .toString();
            assertThat(in).startsWith("pipe:[");
            assertThat(ProcessTree.pipeHolders(in)).as("only this JVM writes to it").isEmpty();
        } finally {
            writer.destroyForcibly().waitFor();
            reader.destroyForcibly().waitFor();
        }
    }
}
