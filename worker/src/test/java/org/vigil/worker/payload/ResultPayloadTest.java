package org.vigil.worker.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Result texts as a mod_gearman worker writes them and the NEB module reads them. */
class ResultPayloadTest {
    /**
     * common/utils.c send_result_back's format {@code "host_name=%s\ncore_start_time=%Lf\nstart_time=%Lf\n
     * finish_time=%Lf\nreturn_code=%i\nexited_ok=%i\nsource=%s\n"}, then {@code service_description=...\n}, then
     * {@code output=} + the output escaped by gm_escape_newlines + {@code "\n\n\n"}, then {@code "\n"}; filled in by
     * hand for a two-line CRITICAL output. 239 bytes: with its terminator 240, a multiple of 16, so the encrypted
     * vector below has mod_gearman 5's extra zero block (256 bytes): {@code openssl enc -aes-256-ecb -nopad -K
     * 73686f756c645f62655f6368616e676564000000000000000000000000000000} of the text + 17 zero bytes, base64.
     */
    static final String RESULT_TEXT = "host_name=web1\ncore_start_time=1700000000.250000\nstart_time=1700000000.300000\n"
            + "finish_time=1700000000.412345\nreturn_code=2\nexited_ok=1\nsource=Mod-Gearman Worker @ w1\n"
            + "service_description=HTTP\noutput=CRITICAL - down\\nsecond line|time=0.1s\n\n\n\n";

    static final String RESULT_ENCRYPTED = "344QsCmtsBrsIrRDJiq/mlfNNnSiku6bNXrLKAwMeTQZ2LV1As/KCalaiAodoBZm+bfn+OUrgz"
            + "/IXZEnPeOfLbdTsxtCsxkiQdc9BwjRnRkJ970I6AxEI7o9H3y1c5fPef37KU7OS6RL6gR/BKPTlbEH7SaJc88RY92SVVSMvvCUvg7E7w"
            + "zICV7+dbfF3srRrBn6B4XTeVdE2BhbHn7nLRxqoJcBdxvYKVF3i5FO2oaotFuWupyDmtr1sSV4zxjqZ2vqia/s31wJXkhgRhmdD1Ru+m"
            + "CRpIInrWPmn+9HQEDwzJ2Nrdt19/2WCzN81qXgOkyOWzrK3dWabbkl3rc4cA==";

    static final WorkerResult RESULT = new WorkerResult("web1", Optional.of("HTTP"),
            Optional.of(new GmTime(1_700_000_000L, 250_000)), new GmTime(1_700_000_000L, 300_000),
            new GmTime(1_700_000_000L, 412_345), 2, true, false, Optional.of("Mod-Gearman Worker @ w1"),
            "CRITICAL - down\nsecond line|time=0.1s", false);

    @Test
    void writesAResultAsAModGearman5Worker() {
        assertThat(ResultPayload.encode(RESULT)).isEqualTo(RESULT_TEXT);
    }

    @Test
    void encryptsTheResultAsOpenSslDoes() throws Exception {
        PayloadCodec codec = PayloadCodec.encrypted(PayloadCodecTest.KEY);
        assertThat(codec.encode(RESULT_TEXT)).isEqualTo(RESULT_ENCRYPTED);
        assertThat(ResultPayload.decode(codec.decode(RESULT_ENCRYPTED))).isEqualTo(RESULT);
    }

    @Test
    void roundTripsHostResultsBackslashesAndEmptyOutput() throws Exception {
        WorkerResult host = new WorkerResult("gw", Optional.empty(), Optional.empty(), new GmTime(5, 1),
                new GmTime(6, 999_999), 1, true, true, Optional.empty(), "C:\\temp\\new\nline\n", true);
        String text = ResultPayload.encode(host);
        assertThat(text).startsWith("type=passive\nhost_name=gw\nstart_time=5.000001\n")
                .contains("early_timeout=1\n").contains("output=C:\\\\temp\\\\new\\nline\\n\n\n\n\n");
        assertThat(ResultPayload.decode(text)).isEqualTo(host);
        WorkerResult empty = new WorkerResult("gw", Optional.empty(), Optional.empty(), new GmTime(5, 1),
                new GmTime(6, 0), 0, true, false, Optional.empty(), "", false);
        assertThat(ResultPayload.decode(ResultPayload.encode(empty))).isEqualTo(empty);
    }

    @Test
    void readsSendGearmansResult() throws Exception {
        // tools/send_gearman.c: "type=%s\nhost_name=%s\nstart_time=%Lf\nfinish_time=%Lf\nlatency=%Lf\n
        // return_code=%i\nsource=send_gearman\n" then output
        WorkerResult r = ResultPayload.decode("type=passive\nhost_name=h\nstart_time=1700000000.000000\n"
                + "finish_time=1700000000.000000\nlatency=0.000000\nreturn_code=0\nsource=send_gearman\n"
                + "output=OK\n\n\n");
        assertThat(r.passive()).isTrue();
        assertThat(r.exitedOk()).isTrue();
        assertThat(r.output()).isEqualTo("OK");
    }

    @Test
    void rejectsMalformedResultsNamingTheLine() {
        assertBad(RESULT_TEXT.replace("return_code=2", "return_code=two"),
                "result payload line 5: return_code='two' is not an integer");
        assertBad(RESULT_TEXT.replace("finish_time=1700000000.412345", "finish_time=1.2.3"),
                "result payload line 4: finish_time='1.2.3' is not a time sec.usec");
        assertBad(RESULT_TEXT.replace("exited_ok=1", "exited ok"), "result payload line 6: expected key=value");
        assertBad(RESULT_TEXT.replace("source=", "origin="), "result payload line 7: unknown key 'origin'");
        assertBad("type=active\n" + RESULT_TEXT, "type='active' (a result's type can only be passive)");
        assertBad(RESULT_TEXT.replace("host_name=web1\n", ""), "result payload has no 'host_name' line");
        assertBad(RESULT_TEXT.replace("output=CRITICAL - down\\nsecond line|time=0.1s\n", ""),
                "result payload has no 'output' line");
    }

    private static void assertBad(String text, String message) {
        assertThatThrownBy(() -> ResultPayload.decode(text)).isInstanceOf(PayloadException.class)
                .hasMessageContaining(message);
    }
}
