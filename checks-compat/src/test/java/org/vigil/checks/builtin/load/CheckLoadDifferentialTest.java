package org.vigil.checks.builtin.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;

/**
 * The built-in check_load against Debian's {@code /usr/lib/nagios/plugins/check_load} (monitoring-plugins 2.3.3):
 * for each argument list, the same exit code, the same output and the same stderr, byte for byte. The load moves
 * between two runs (the kernel updates {@code /proc/loadavg} every 5 s), so a pair of runs counts only when the
 * averages read before and after both are the same; otherwise it is run again. Fails when the plugin is missing.
 */
class CheckLoadDifferentialTest {

    private static final Path REAL = Path.of("/usr/lib/nagios/plugins/check_load");
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    static List<List<String>> argumentLists() {
        return List.of(
                // good thresholds: triplets, single values, -r (per CPU), long options, bundled and joined values
                List.of("-w", "15,10,5", "-c", "30,25,20"), List.of("-w", "100", "-c", "200"),
                List.of("-r", "-w", "100", "-c", "200"), List.of("-r", "-w", "0,0,0", "-c", "100,100,100"),
                List.of("-w", "0", "-c", "0"), List.of("-r", "-w", "0", "-c", "0"), List.of("-w", "0", "-c", "100"),
                List.of("--warning=100", "--critical=200"), List.of("--warn", "100", "--crit", "200", "--per"),
                List.of("--percpu", "--warning", "0", "--critical", "0"), List.of("-rw100", "-c200"),
                List.of("-w100,90,80", "-c", "200"), List.of("-c", "200", "-w", "100", "-r"),
                // thresholds as get_threshold reads them
                List.of("-w", "5,,3", "-c", "10"), List.of("-w", "5 4 3", "-c", "10 9 8"), List.of("-w", "5,4",
                        "-c", "10,9"), List.of("-w", "1e2", "-c", "2e2"), List.of("-w", ".5e1", "-c", "10."),
                List.of("-w", "5,4,3,2", "-c", "10"), List.of("-w", "5x", "-c", "10"), List.of("-w", "+5", "-c",
                        "10"), List.of("-w", " 5", "-c", "10"), List.of("-w", "5,abc", "-c", "10"),
                List.of("-w", "0.0625,0.0005,2.0625", "-c", "1000"), List.of("-w", "-0", "-c", "0"),
                List.of("-c", "5"), List.of("-w", "1", "-c", "2", "-w", "3", "-c", "4"),
                // arguments that are not options: never read as thresholds by the plugin
                List.of("-w", "1", "-c", "2", "3", "4"), List.of("5", "10"), List.of("-w", "1", "--", "-c", "0"),
                List.of("-"), List.of("-w", "100", "-c", "200", "-n", "0"), List.of("-n", "-1", "-w", "1", "-c",
                        "2"),
                // bad thresholds and missing ones: the plugin's usage and validation texts
                List.of(), List.of("-w", "x", "-c", "5"), List.of("-c", "abc"), List.of("-w", "", "-c", "1"),
                List.of("--critical="), List.of("-w", "5"), List.of("-c", "-1"), List.of("-w", "-1", "-c", "1"),
                List.of("-w", "10", "-c", "5"), List.of("-w", "1,5", "-c", "2,4"),
                List.of("-w", "1,1,1", "-c", "2,2,-1"), List.of("-w", "1,1,-1", "-c", "2"),
                List.of("-w", "x", "-Z"), List.of("-r"));
    }

    @ParameterizedTest
    @MethodSource("argumentLists")
    void theBuiltInAnswersAsThePluginDoes(List<String> args) throws Exception {
        CheckLoad builtIn = new CheckLoad(Clock.systemUTC(), environment(), LOADAVG,
                Path.of("/sys/devices/system/cpu/online"), Path.of("/usr/share/locale"));
        BuiltinCheck.Prepared prepared = builtIn.prepare(args);
        assertThat(prepared).as("%s", args).isInstanceOf(BuiltinCheck.Ready.class);
        for (int attempt = 0; attempt < 20; attempt++) {
            String before = averages();
            Real real = runReal(args);
            PluginResult result = ((BuiltinCheck.Ready) prepared).run().run(Duration.ofSeconds(10));
            if (!before.equals(averages())) {
                continue; // the load moved between the runs
            }
            assertThat(result.exitCode()).as("exit code of %s", args).isEqualTo(real.exitCode);
            assertThat(result.stdout()).as("output of %s", args).isEqualTo(real.stdout);
            assertThat(result.stderr()).as("stderr of %s", args).isEqualTo(real.stderr);
            return;
        }
        throw new AssertionError("the load moved during each of 20 pairs of runs");
    }

    /** What the built-in leaves to the plugin, each with the reason --explain-checks prints. */
    @Test
    void whatItDoesNotDoExactlyIsLeftToThePlugin() {
        Map<List<String>, String> declined = new java.util.LinkedHashMap<>();
        declined.put(List.of("-h"), "help and version");
        declined.put(List.of("--version"), "help and version");
        declined.put(List.of("-w", "1", "-c", "2", "-n", "5"), "top processes");
        declined.put(List.of("--procs-to-show=3", "-w", "1", "-c", "2"), "top processes");
        declined.put(List.of("--extra-opts=load@plugins.ini"), "--extra-opts");
        declined.put(List.of("-x", "-w", "1", "-c", "2"), "not one the plugin knows");
        declined.put(List.of("--p", "-w", "1", "-c", "2"), "ambiguous");
        declined.put(List.of("--percpu=1", "-w", "1", "-c", "2"), "takes no value");
        declined.put(List.of("-w", "1", "-c"), "without a value");
        declined.put(List.of("-w", "0x10", "-c", "0x20"), "hexadecimal");
        declined.put(List.of("-w", "inf", "-c", "inf"), "hexadecimal, inf and nan");
        declined.put(List.of("-w", "1", "-c", "1e999"), "beyond a double");
        CheckLoad builtIn = new CheckLoad();
        declined.forEach((args, why) -> assertThat(builtIn.prepare(args)).as("%s", args)
                .isInstanceOfSatisfying(BuiltinCheck.Declined.class, d -> assertThat(d.why()).contains(why)));
    }

    /** In a locale whose catalogue monitoring-plugins installs, the plugin would answer in that language. */
    @Test
    void translatedMessagesAreLeftToThePlugin(@TempDir Path locales) throws Exception {
        Files.createDirectories(locales.resolve("de/LC_MESSAGES"));
        Files.writeString(locales.resolve("de/LC_MESSAGES/monitoring-plugins.mo"), "");
        List<String> args = List.of("-w", "1", "-c", "2");
        for (Map<String, String> env : List.of(Map.of("LANG", "de_DE.UTF-8"), Map.of("LC_ALL", "de_AT"),
                Map.of("LC_MESSAGES", "fr_FR", "LANGUAGE", "de:fr"))) {
            assertThat(new CheckLoad(Clock.systemUTC(), env, LOADAVG, Path.of("/nowhere"), locales).prepare(args))
                    .as("%s", env).isInstanceOfSatisfying(BuiltinCheck.Declined.class,
                            d -> assertThat(d.why()).contains("messages in de"));
        }
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("LANG", "C.UTF-8"),
                Map.of("LANG", "fr_FR.UTF-8"), Map.of("LC_ALL", "C", "LANG", "de_DE", "LANGUAGE", "de"))) {
            assertThat(new CheckLoad(Clock.systemUTC(), env, LOADAVG, Path.of("/nowhere"), locales).prepare(args))
                    .as("%s", env).isInstanceOf(BuiltinCheck.Ready.class);
        }
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("LC_ALL", "C");
        return env;
    }

    private static String averages() throws IOException {
        String[] fields = Files.readString(LOADAVG).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private record Real(int exitCode, String stdout, String stderr) {
    }

    private static Real runReal(List<String> args) throws IOException, InterruptedException {
        assertThat(REAL).as("Debian's check_load (monitoring-plugins-basic) must be installed").isExecutable();
        List<String> argv = new ArrayList<>(List.of(REAL.toString()));
        argv.addAll(args);
        Path out = Files.createTempFile("check_load", ".out");
        Path err = Files.createTempFile("check_load", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            return new Real(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
