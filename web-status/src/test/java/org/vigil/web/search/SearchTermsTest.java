package org.vigil.web.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How one word ranks against one name, and how a query scores an object: the table the search orders by. */
class SearchTermsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "db         | db   | 0",
            "db1        | db   | 1",
            "backup db  | db   | 2",
            "disk /var  | var  | 2",
            "my-db-2    | db   | 2",
            "oldb       | db   | 3",
            "sdb sdb    | db   | 3",
            "oldb db    | db   | 2",
            "http       | db   | " + Integer.MAX_VALUE})
    void aWordRanksExactPrefixWordStartOrInside(String name, String word, int rank) {
        assertThat(SearchTerms.rank(name, word)).isEqualTo(rank);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // query      | primary    | secondary        | score
            "db           | db1        | ''               | 1",
            "DB           | db1        | ''               | 1",
            "data         | db1        | database one     | 5",
            "web1 var     | disk /var  | web1             | 6",
            "web1 var     | disk /var  | web2             | " + Integer.MAX_VALUE,
            "db db        | db         | ''               | 0"})
    void everyWordMustMatchAndSecondaryNamesCostMore(String query, String primary, String secondary, int score) {
        assertThat(SearchTerms.parse(query).score(primary, secondary)).isEqualTo(score);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''          | q is required: the text to search for",
            "'   '       | q is required: the text to search for",
            "a b c d e f g h i | q has 9 words; at most 8 are taken"})
    void refusesWhatIsNoQuery(String query, String error) {
        assertThatThrownBy(() -> SearchTerms.parse(query)).hasMessage(error);
    }

    @org.junit.jupiter.api.Test
    void refusesAQueryOverAHundredCharacters() {
        assertThat(SearchTerms.parse("x".repeat(100)).text()).hasSize(100);
        assertThatThrownBy(() -> SearchTerms.parse("x".repeat(101)))
                .hasMessage("q is 101 characters long; at most 100 are taken");
    }
}
