package org.vigil.checks.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A line split from the kept ones is the line {@link CommandLine#parse} splits, kept or not. */
class SplitLinesTest {

    @Test
    void aLineIsSplitOnceAndEveryLineAsParseSplitsIt() {
        SplitLines lines = new SplitLines();
        String direct = "/usr/lib/nagios/plugins/check_dummy 0 'all ok'";
        String shell = "/usr/lib/nagios/plugins/check_dummy 0 ok | tee /tmp/x";
        assertThat(lines.parse(direct)).isEqualTo(CommandLine.parse(direct));
        assertThat(lines.parse(direct)).isSameAs(lines.parse(direct));
        assertThat(lines.parse(shell)).isEqualTo(CommandLine.parse(shell));
        assertThat(lines.parse(shell).viaShell()).isTrue();
        for (int i = 0; i < SplitLines.MAX + 10; i++) {
            String line = "/bin/echo " + i;
            assertThat(lines.parse(line).argv()).containsExactly("/bin/echo", Integer.toString(i));
        }
    }
}
