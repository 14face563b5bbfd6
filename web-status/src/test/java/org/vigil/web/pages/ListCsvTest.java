package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 4180 quoting of the lists' CSV export. */
class ListCsvTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(ListCsv.quote("plain text 91%")).isEqualTo("plain text 91%");
        assertThat(ListCsv.quote(null)).isEmpty();
        assertThat(ListCsv.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(ListCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ListCsv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ListCsv.quote("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }
}
