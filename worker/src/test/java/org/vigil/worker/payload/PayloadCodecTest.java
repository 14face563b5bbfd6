package org.vigil.worker.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test vectors derived independently of this code with OpenSSL, from mod_gearman's documented transport
 * (common/utils.c mod_gm_encrypt, common/gm_crypt.c): key "should_be_changed" zero-filled to 32 bytes, hex
 * 73686f756c645f62655f6368616e676564 followed by 15 zero bytes; plaintext = text + 0 terminator + zero padding;
 * {@code openssl enc -aes-256-ecb -nopad -K 73686f756c645f62655f6368616e676564000000000000000000000000000000 -in P
 * | base64 -w0}.
 */
class PayloadCodecTest {
    static final SharedKey KEY = SharedKey.fromPassword("should_be_changed");

    /** The service job of {@link JobPayloadTest#SERVICE_JOB_TEXT}: 198 bytes, +1 terminator = 199, +9 zeros = 208. */
    static final String SERVICE_JOB_ENCRYPTED = "wuyIXMz+16Yrsk+RkDoGE1fxNhOE6U80BnfQ8yf1QP9oM0Lf9siZbtZcIRq2uwXyZ8bEzPiR"
            + "AZHNNLW8Eh21F7N3u1tQ9eMZszPcdyd+I5YsEwk+54Bx/hKr/m/nC2kdgW2IumthJlTeEMlX3KzgvxnYtXUCz8oJqVqICh2gFmZoCv"
            + "RllUhAFMkGjXFBGtTugxAduBF/qZ7WrlWZ+GEB29ys7O2yxjekGaqBjutglYHWi1+W9z36rmWBhzy/1voBTNu62T9hkEQ0PbPD7SnCaA==";

    /** {@code base64 -w0} of the same 198 bytes: encryption off. */
    static final String SERVICE_JOB_PLAIN = "dHlwZT1zZXJ2aWNlCnJlc3VsdF9xdWV1ZT1jaGVja19yZXN1bHRzCnRhcmdldF9xdWV1ZT1z"
            + "ZXJ2aWNlCmhvc3RfbmFtZT13ZWIxCnNlcnZpY2VfZGVzY3JpcHRpb249SFRUUApjb3JlX3RpbWU9MTcwMDAwMDAwMC4yNTAwMDAKdGl"
            + "tZW91dD02MApjb21tYW5kX2xpbmU9L3Vzci9saWIvbmFnaW9zL3BsdWdpbnMvY2hlY2tfaHR0cCAtSCB3ZWIxCgoK";

    /**
     * "type=host\nhost_name=abcdefghij\n" is 31 bytes, +1 terminator = 32, a multiple of 16: mod_gearman 5's test
     * {@code BLOCKSIZE % len != 0} still holds (16 % 32 = 16) so it adds 16 more zeros: 48 bytes, three blocks.
     */
    static final String EXACT_BLOCKS_ENCRYPTED = "xO2XaXY7K7rwhxRTmUNV1SrOjGqMizKE/bnYJpj+XU46TI5bOsrd1ZptuSXetzhw";

    @Test
    void keyIsThePasswordZeroFilledTo32Bytes() {
        byte[] expected = new byte[32];
        System.arraycopy("should_be_changed".getBytes(StandardCharsets.US_ASCII), 0, expected, 0, 17);
        assertThat(KEY.bytes()).isEqualTo(expected);
        assertThat(SharedKey.fromPassword("0123456789abcdef0123456789abcdefTAIL").bytes())
                .isEqualTo("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void keyFileIsItsFirstLineRightTrimmedAndCutAt32Bytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret.key");
        Files.writeString(file, "should_be_changed  \nsecond line ignored\n");
        assertThat(SharedKey.fromKeyFile(file)).isEqualTo(KEY);
        Files.writeString(file, "0123456789abcdef0123456789abcdefTAIL\n");
        assertThat(SharedKey.fromKeyFile(file))
                .isEqualTo(SharedKey.fromPassword("0123456789abcdef0123456789abcdef"));
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> SharedKey.fromKeyFile(file)).hasMessageContaining("key file is empty");
    }

    @Test
    void encryptsAsOpenSslDoesWithModGearmansPadding() {
        assertThat(PayloadCodec.encrypted(KEY).encode(JobPayloadTest.SERVICE_JOB_TEXT))
                .isEqualTo(SERVICE_JOB_ENCRYPTED);
        assertThat(PayloadCodec.encrypted(KEY).encode("type=host\nhost_name=abcdefghij\n"))
                .isEqualTo(EXACT_BLOCKS_ENCRYPTED);
        assertThat(Base64.getDecoder().decode(EXACT_BLOCKS_ENCRYPTED)).hasSize(48);
    }

    @Test
    void paddingFollowsModGearman5() {
        assertThat(PayloadCodec.padded(new byte[14])).hasSize(16); // 15 with terminator: one zero
        assertThat(PayloadCodec.padded(new byte[15])).hasSize(16); // exactly 16: no padding (16 % 16 == 0)
        assertThat(PayloadCodec.padded(new byte[16])).hasSize(32); // 17: 15 zeros
        assertThat(PayloadCodec.padded(new byte[31])).hasSize(48); // 32: a whole extra block
        assertThat(PayloadCodec.padded(new byte[3])).hasSize(16); // 4: OpenSSL refuses it in mod_gearman; one block
    }

    @Test
    void decryptsTheVectors() throws Exception {
        assertThat(PayloadCodec.encrypted(KEY).decode(SERVICE_JOB_ENCRYPTED)).isEqualTo(JobPayloadTest.SERVICE_JOB_TEXT);
        assertThat(PayloadCodec.encrypted(KEY).decode(EXACT_BLOCKS_ENCRYPTED))
                .isEqualTo("type=host\nhost_name=abcdefghij\n");
    }

    @Test
    void encodesWithoutEncryptionAsBase64Only() throws Exception {
        assertThat(PayloadCodec.plain().encode(JobPayloadTest.SERVICE_JOB_TEXT)).isEqualTo(SERVICE_JOB_PLAIN);
        assertThat(PayloadCodec.plain().decode(SERVICE_JOB_PLAIN)).isEqualTo(JobPayloadTest.SERVICE_JOB_TEXT);
    }

    @Test
    void roundTripsUtf8AndLongTexts() throws Exception {
        String text = "type=service\ncommand_line=echo 'Grüße ✓' " + "x".repeat(5000) + "\n\n\n";
        PayloadCodec codec = PayloadCodec.encrypted(SharedKey.fromPassword("another key"));
        assertThat(codec.decode(codec.encode(text))).isEqualTo(text);
        for (int n = 0; n < 40; n++) {
            String t = "host_name=" + "h".repeat(n);
            assertThat(codec.decode(codec.encode(t))).isEqualTo(t);
        }
    }

    @Test
    void toleratesNewlinesInTheBase64AsModGearmanDoes() throws Exception {
        String wrapped = SERVICE_JOB_ENCRYPTED.replaceAll("(.{64})", "$1\n") + "\n";
        assertThat(PayloadCodec.encrypted(KEY).decode(wrapped)).isEqualTo(JobPayloadTest.SERVICE_JOB_TEXT);
    }

    @Test
    void rejectsAWrongKey() {
        PayloadCodec wrong = PayloadCodec.encrypted(SharedKey.fromPassword("not_the_key"));
        assertThatThrownBy(() -> wrong.decode(SERVICE_JOB_ENCRYPTED)).isInstanceOf(PayloadException.class)
                .hasMessageContaining("wrong key");
    }

    @Test
    void rejectsMismatchedEncryptionSettings() {
        assertThatThrownBy(() -> PayloadCodec.encrypted(KEY).decode(SERVICE_JOB_PLAIN))
                .isInstanceOf(PayloadException.class).hasMessageContaining("not a whole number of 16-byte AES blocks");
        assertThatThrownBy(() -> PayloadCodec.plain().decode(SERVICE_JOB_ENCRYPTED))
                .isInstanceOf(PayloadException.class).hasMessageContaining("is the sender encrypting?");
    }

    @Test
    void acceptsClearTextStartingWithTypeWhenAskedAsModGearmansAcceptClearResults() throws Exception {
        String clearResult = PayloadCodec.plain().encode("type=passive\nhost_name=h\n");
        assertThatThrownBy(() -> PayloadCodec.encrypted(KEY).decode(clearResult)).isInstanceOf(PayloadException.class);
        PayloadCodec accepting = PayloadCodec.encrypted(KEY).acceptingClearText();
        assertThat(accepting.decode(clearResult)).isEqualTo("type=passive\nhost_name=h\n");
        assertThat(accepting.decode(SERVICE_JOB_ENCRYPTED)).isEqualTo(JobPayloadTest.SERVICE_JOB_TEXT);
        assertThat(accepting.encode(JobPayloadTest.SERVICE_JOB_TEXT)).isEqualTo(SERVICE_JOB_ENCRYPTED);
        String clearWithoutType = PayloadCodec.plain().encode("host_name=h\n");
        assertThatThrownBy(() -> accepting.decode(clearWithoutType)).isInstanceOf(PayloadException.class);
    }

    @Test
    void rejectsBadBase64AndEmptyPayloads() {
        assertThatThrownBy(() -> PayloadCodec.encrypted(KEY).decode("not base64 ***"))
                .isInstanceOf(PayloadException.class).hasMessageContaining("not base64");
        assertThatThrownBy(() -> PayloadCodec.encrypted(KEY).decode(""))
                .isInstanceOf(PayloadException.class).hasMessageContaining("0 bytes");
        assertThatThrownBy(() -> PayloadCodec.plain().decode(""))
                .isInstanceOf(PayloadException.class).hasMessageContaining("not mod_gearman's key=value text");
    }

    @Test
    void refusesATextWithAZeroByte() {
        assertThatThrownBy(() -> PayloadCodec.plain().encode("host_name=a\0b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** One codec shared by threads (the dispatch's submitter and result readers, a worker's job loops). */
    @Test
    void oneCodecServesManyThreadsAtOnce() throws Exception {
        PayloadCodec codec = PayloadCodec.encrypted(KEY);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            tasks.add(() -> {
                for (int i = 0; i < 2_000; i++) {
                    String host = "type=host\nhost_name=abcdefghij\n";
                    if (!codec.encode(host).equals(EXACT_BLOCKS_ENCRYPTED)
                            || !codec.decode(SERVICE_JOB_ENCRYPTED).equals(JobPayloadTest.SERVICE_JOB_TEXT)
                            || !codec.decode(codec.encode("host_name=h" + i)).equals("host_name=h" + i)) {
                        return false;
                    }
                }
                return true;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
