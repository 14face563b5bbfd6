package org.vigil.livestatus.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The json, python and python3 answers read back by the parsers clients use (Python 3's {@code json} and
 * {@code ast.literal_eval}, which reads Python 2's {@code u"..."} too): every value, quotes, backslashes, control
 * characters and text beyond U+FFFF included, comes back as it was.
 */
class RealParsersTest {

    private static final String NAME = "b\"\\\n\tz é€😀";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"json, json.loads", "wrapped_json, lambda t: json.loads(t)['data']", "python, ast.literal_eval",
        "python3, ast.literal_eval"})
    void clientsReadBackEveryValue(String format, String parse) throws Exception {
        String answer = Fixtures.answer(OutputTest.TABLES, "GET items\nColumns: name state latency groups "
                + "custom_variables comments_with_info\nOutputFormat: " + format + "\n");
        String script = "import sys, json, ast\n"
                + "rows = (" + parse + ")(sys.stdin.buffer.read().decode('utf-8'))\n"
                + "sys.stdout.buffer.write(json.dumps(rows, ensure_ascii=False).encode('utf-8'))\n";
        Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        p.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String decoded = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(decoded).isZero();
        String name = NAME.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
        assertThat(decoded).isEqualTo("[[\"a\", 0, 10000000.0, [\"g1\", \"g2\"], {\"K\": \"v\", \"L\": \"w\"}, "
                + "[[1, \"al\", \"one\"], [2, \"bo\", \"two\"]]], [\"" + name + "\", 2, 0.5, [], {}, []]]");
    }
}
