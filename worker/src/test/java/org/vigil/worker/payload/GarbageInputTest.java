package org.vigil.worker.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever arrives on a queue, decoding ends in a value or a {@link PayloadException}, never another exception. */
class GarbageInputTest {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz_=.\n0123456789 \\-+/";

    @Test
    void randomBytesAndTextsOnlyEverGivePayloadErrors() {
        Random random = new Random(20);
        PayloadCodec encrypted = PayloadCodec.encrypted(PayloadCodecTest.KEY).acceptingClearText();
        PayloadCodec plain = PayloadCodec.plain();
        int failures = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            String workload = random.nextBoolean() ? Base64.getEncoder().encodeToString(bytes)
                    : new String(bytes, StandardCharsets.ISO_8859_1);
            failures += survives(() -> encrypted.decode(workload)) + survives(() -> plain.decode(workload));
            String text = randomText(random);
            failures += survives(() -> JobPayload.decode(text)) + survives(() -> ResultPayload.decode(text));
            String mutated = mutate(random, random.nextBoolean() ? JobPayloadTest.SERVICE_JOB_TEXT
                    : ResultPayloadTest.RESULT_TEXT);
            failures += survives(() -> JobPayload.decode(mutated)) + survives(() -> ResultPayload.decode(mutated));
        }
        assertThat(failures).as("decodes ending in an exception other than PayloadException").isZero();
    }

    private interface Decode {
        Object run() throws PayloadException;
    }

    private static int survives(Decode decode) {
        try {
            decode.run();
            return 0;
        } catch (PayloadException e) {
            assertThat(e.getMessage()).isNotBlank();
            return 0;
        } catch (RuntimeException e) {
            return 1;
        }
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(200); n > 0; n--) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static String mutate(Random random, String text) {
        StringBuilder b = new StringBuilder(text);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = random.nextInt(b.length());
            b.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
