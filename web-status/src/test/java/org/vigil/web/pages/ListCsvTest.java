package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 4180 quoting of the lists' CSV export, and text that would start a formula neutralised. */
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

    @Test
    void textThatASpreadsheetWouldTakeForAFormulaGetsASingleQuoteInFront() {
        assertThat(ListCsv.neutral("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(ListCsv.neutral("+1")).isEqualTo("'+1");
        assertThat(ListCsv.neutral("-2+3")).isEqualTo("'-2+3");
        assertThat(ListCsv.neutral("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ListCsv.neutral("\t=1")).isEqualTo("'\t=1");
        assertThat(ListCsv.neutral("\r=1")).isEqualTo("'\r=1");
        assertThat(ListCsv.neutral("DISK OK - 91% = fine")).isEqualTo("DISK OK - 91% = fine");
        assertThat(ListCsv.neutral("")).isEmpty();
        assertThat(ListCsv.neutral(null)).isNull();
        // then quoted as RFC 4180 asks (a comma, quote or line break)
        assertThat(ListCsv.quote(ListCsv.neutral("=1,2"))).isEqualTo("\"'=1,2\"");
    }
}
