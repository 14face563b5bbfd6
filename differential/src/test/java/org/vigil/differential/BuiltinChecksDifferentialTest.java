package org.vigil.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil's built-in checks through the real {@code vigil run}, side by side with nagios4 running Debian's plugins on
 * the same command lines: the scenario {@code builtin-checks/} (the format of {@code scenarios/README.md}; it lives
 * apart because its objects name the ports of servers this test starts, see {@link CheckTargets}) must show the same
 * alerts, notifications and status.dat on both, its masks hiding the response times.
 *
 * <p>That the checks ran built-in is shown twice from Vigil's side: in Vigil's directory {@code $USER2$} holds
 * stand-ins that answer FORKED (a check Vigil forked would differ from Nagios's), and {@code vigil verify
 * --explain-checks} on Vigil's config says which commands run built-in.
 */
class BuiltinChecksDifferentialTest {

    private static final Path PLUGINS = Path.of("/usr/lib/nagios/plugins");
    private static final List<String> BUILT_IN = List.of("dummy: built-in check_dummy",
            "tcp: built-in check_tcp", "ftp: built-in check_ftp", "pop: built-in check_pop", "ssh: built-in check_ssh",
            "smtp: built-in check_smtp", "http: built-in check_http", "curl: built-in check_curl",
            "dig: built-in check_dig", "dns: built-in check_dns");

    /** A way of --explain-checks: {@code   command: why (N hosts, M services)}. */
    private static final Pattern WAY = Pattern.compile(
            "(?m)^  (\\S+: .*) \\(\\d+ (hosts?|services?)(, \\d+ services?)?\\)$");

    @Test
    void everyBuiltInCheckShowsWhatNagiosShowsWithTheRealPlugin(@TempDir Path keys) throws Exception {
        assertThat(PLUGINS.resolve("check_dns")).as("Debian's monitoring-plugins must be installed").isExecutable();
        Path base = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target", "differential"));
        Path standIns = standIns(base.resolve("builtin-checks-stand-ins"));
        try (CheckTargets targets = CheckTargets.start(keys)) {
            Scenario s = Scenario.read(filled(targets, base.resolve("builtin-checks-scenario/builtin-checks")));
            EngineProcess nagios = new EngineProcess.Nagios("nagios", ScenarioRun.workDir(s.name(), "nagios"))
                    .withResource("$USER2$=" + PLUGINS);
            EngineProcess vigil = new EngineProcess.Vigil("vigil", ScenarioRun.workDir(s.name(), "vigil"))
                    .withResource("$USER2$=" + standIns);
            List<Observation> seen = new ScenarioRun(s, nagios, vigil).play();
            Comparison c = Comparison.of(s, "nagios", seen.get(0), "vigil ", seen.get(1));
            Summary.add(c);
            assertThat(seen.get(0).size()).as("nagios observed nothing in %s", s).isPositive();
            assertThat(c.undocumented()).as("%s: %s\nundocumented differences (work dirs under target/differential)",
                    s, s.description()).isEmpty();
            Set<String> expected = new TreeSet<>(BUILT_IN);
            expected.add("scripted-host: forked: Vigil has no built-in scripted");
            expected.add("tcp-forked: forked: check_tcp: option -4 is not built in");
            assertThat(explainedWays(vigil.dir.resolve("nagios.cfg"))).isEqualTo(expected);
        }
    }

    /** The scenario's files with the servers' ports and address filled in, in {@code dir}. */
    private static Path filled(CheckTargets targets, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : List.of("scenario.txt", "objects.cfg")) {
            try (InputStream in = BuiltinChecksDifferentialTest.class.getResourceAsStream("/builtin-checks/" + name)) {
                assertThat(in).as("test resource builtin-checks/%s", name).isNotNull();
                Files.writeString(dir.resolve(name), targets.fill(new String(in.readAllBytes(),
                        StandardCharsets.UTF_8)));
            }
        }
        return dir;
    }

    /** A directory of plugins that say Vigil forked them, by the names the scenario calls. */
    private static Path standIns(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String way : BUILT_IN) {
            String plugin = way.substring(way.lastIndexOf(' ') + 1);
            Path p = dir.resolve(plugin);
            Files.writeString(p, "#!/bin/sh\necho \"FORKED: vigil ran " + plugin + " instead of its built-in\"\n"
                    + "exit 3\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

    /** {@code vigil verify --explain-checks}'s ways, each {@code command: why} without its counts. */
    private static Set<String> explainedWays(Path nagiosCfg) throws Exception {
        Path out = nagiosCfg.resolveSibling("explain.txt");
        ProcessBuilder pb = new ProcessBuilder(EngineProcess.Vigil.ROOT.resolve("bin/vigil").toString(), "verify",
                "--explain-checks", nagiosCfg.toString()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("VIGIL_JAVA_OPTS", "-Xmx160m -XX:TieredStopAtLevel=1");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("vigil verify ended").isTrue();
        String text = Files.readString(out);
        assertThat(p.exitValue()).as(text).isZero();
        Set<String> ways = new TreeSet<>();
        Matcher m = WAY.matcher(text);
        while (m.find()) {
            ways.add(m.group(1));
        }
        return ways;
    }
}
