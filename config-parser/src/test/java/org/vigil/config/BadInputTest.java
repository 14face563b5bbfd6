package org.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input of every kind gives clear errors, never an exception. */
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void missingMainConfig() {
        LoadResult r = ConfigLoader.load(dir.resolve("nope.cfg"));
        assertThat(r.ok()).isFalse();
        assertThat(r.diagnostics().all()).singleElement().asString()
                .endsWith("nope.cfg: error: main config file does not exist (expected a readable file)");
    }

    @Test
    void missingObjectFileAndDirectoryGivenAsFile() throws IOException {
        TestConfig c = new TestConfig(dir);
        Files.createDirectories(dir.resolve("adir"));
        LoadResult r = c.main("cfg_file=missing.cfg\ncfg_file=adir\ncfg_dir=nodir\n");
        assertThat(c.errors(r)).containsExactly(
                "nagios.cfg:1: error: cfg_file '" + dir.resolve("missing.cfg") + "' does not exist (expected an object"
                        + " config file)",
                "nagios.cfg:2: error: cfg_file '" + dir.resolve("adir") + "' is a directory (use cfg_dir for"
                        + " directories)",
                "nagios.cfg:3: error: cfg_dir '" + dir.resolve("nodir") + "' is not a readable directory (expected a"
                        + " directory of *.cfg files)");
    }

    @Test
    void binaryGarbage() throws IOException {
        TestConfig c = new TestConfig(dir);
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Files.write(dir.resolve("objects.cfg"), junk);
        LoadResult r = c.main("cfg_file=objects.cfg\n");
        assertThat(c.errors(r)).containsExactly(
                "objects.cfg: error: object config file is binary, not text (expected a Nagios config file)");
    }

    @Test
    void truncatedFileAtEveryLength() {
        String full = TestConfig.BASE + """
                define host {
                    use        generic-host
                    host_name  web1
                }
                """;
        TestConfig c = new TestConfig(dir);
        for (int cut = 0; cut < full.length(); cut += 7) {
            LoadResult r = c.objects(full.substring(0, cut));
            assertThat(r.model()).isNotNull();
        }
    }

    @Test
    void unbalancedBraces() {
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects("}\n}\ndefine host {\n{\n");
        assertThat(c.errors(r)).containsExactly(
                "objects.cfg:1: error: unexpected text outside a definition: '}' (expected 'define TYPE {')",
                "objects.cfg:2: error: unexpected text outside a definition: '}' (expected 'define TYPE {')",
                "objects.cfg:3: error: definition of host is never closed: end of file reached at line 4 (expected '}')");
    }

    @Test
    void hugeLineIsRefusedWithoutExhaustingMemory() {
        TestConfig c = new TestConfig(dir);
        String huge = "x".repeat(3 << 20);
        LoadResult r = c.objects("define command {\ncommand_name big\ncommand_line " + huge + "\n}\n");
        assertThat(c.errors(r)).contains(
                "objects.cfg:3: error: line is longer than 1048576 characters (expected a definition line)");
    }

    @Test
    void deepTemplateChainsAndLongParentChainsDoNotOverflowTheStack() {
        StringBuilder sb = new StringBuilder(TestConfig.BASE);
        sb.append("define host {\n name t0\n use generic-host\n register 0\n}\n");
        for (int i = 1; i < 3000; i++) {
            sb.append("define host {\n name t").append(i).append("\n use t").append(i - 1)
                    .append("\n register 0\n}\n");
        }
        for (int i = 0; i < 3000; i++) {
            sb.append("define host {\n use t2999\n host_name h").append(i);
            if (i > 0) {
                sb.append("\n parents h").append(i - 1);
            }
            sb.append("\n}\n");
        }
        TestConfig c = new TestConfig(dir);
        LoadResult r = c.objects(sb.toString());
        assertThat(c.errors(r)).isEmpty();
        assertThat(r.model().hosts()).hasSize(3001);
    }

    @Test
    void badResourceFileLines() {
        TestConfig c = new TestConfig(dir);
        c.file("resource.cfg", "$USER1$=/usr/lib/nagios/plugins\n$USER0$=x\n$USER300$=y\nPATH=/bin\n");
        c.file("objects.cfg", TestConfig.BASE);
        LoadResult r = c.main("cfg_file=objects.cfg\nresource_file=resource.cfg\nillegal_macro_output_chars=`\n");
        assertThat(c.errors(r)).containsExactly(
                "resource.cfg:2: error: $USER0$ is out of range (expected $USER1$ to $USER256$)",
                "resource.cfg:3: error: $USER300$ is out of range (expected $USER1$ to $USER256$)",
                "resource.cfg:4: error: 'PATH=/bin' is not a resource macro (expected '$USERn$=value' with n from 1"
                        + " to 256)");
        assertThat(r.mainConfig().userMacros()).containsEntry("USER1", "/usr/lib/nagios/plugins");
    }
}
