package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.core.HTMLOutputFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The list rows written in Java escape every value exactly as the templates' HTML output format did. */
class ListRowsTest {

    @Test
    void escapesAsFreemarkersHtmlOutputFormat() {
        Random r = new Random(16);
        String alphabet = "ab <>&\"';/é\u00a0x";
        for (int i = 0; i < 10_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = r.nextInt(12); n > 0; n--) {
                s.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            assertThat(ListRows.esc(s.toString())).as(s.toString())
                    .isEqualTo(HTMLOutputFormat.INSTANCE.escapePlainText(s.toString()));
        }
        assertThat(ListRows.esc(null)).isEmpty();
    }
}
