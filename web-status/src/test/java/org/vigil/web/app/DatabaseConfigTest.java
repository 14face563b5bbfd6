package org.vigil.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code database:}: which URLs retention and the outbox get, and what is refused. */
class DatabaseConfigTest {

    private static DatabaseConfig db(String url, String user, String password) {
        DatabaseConfig d = new DatabaseConfig();
        d.url = url;
        d.user = user;
        d.password = password;
        return d;
    }

    @Test
    void withoutAUrlBothStoresKeepTheirDefaults() {
        DatabaseConfig d = new DatabaseConfig();
        assertThat(d.problems()).isEmpty();
        assertThat(d.retentionUrl()).isEmpty();
        assertThat(d.outboxUrl()).isEmpty();
    }

    @Test
    void anH2FileHoldsRetentionAndTheOutboxGoesBesideIt() {
        DatabaseConfig d = db("jdbc:h2:file:/var/lib/vigil/state;COMPRESS=TRUE", null, null);
        assertThat(d.problems()).isEmpty();
        assertThat(d.retentionUrl()).contains("jdbc:h2:file:/var/lib/vigil/state;COMPRESS=TRUE");
        assertThat(d.outboxUrl()).contains("jdbc:h2:file:/var/lib/vigil/state-outbox;COMPRESS=TRUE");
    }

    @Test
    void postgresqlHoldsBothWithTheCredentialsAsItsDriverReadsThem() {
        DatabaseConfig d = db("jdbc:postgresql://db/vigil?ssl=true", "vigil", "p&ss=word");
        assertThat(d.problems()).isEmpty();
        Optional<String> url = Optional.of("jdbc:postgresql://db/vigil?ssl=true&user=vigil&password=p%26ss%3Dword");
        assertThat(d.retentionUrl()).isEqualTo(url);
        assertThat(d.outboxUrl()).isEqualTo(url);
    }

    @Test
    void whatCannotWorkIsRefusedWithItsKey() {
        assertThat(db("jdbc:mysql://db/vigil", null, null).problems()).singleElement().asString()
                .startsWith("database.url: 'jdbc:mysql://db/vigil' is not an H2 file or PostgreSQL URL");
        assertThat(db("jdbc:h2:mem:x", null, null).problems()).singleElement().asString()
                .contains("an H2 database must be a file");
        assertThat(db("jdbc:h2:file:/x", "sa", "secret").problems()).singleElement().asString()
                .startsWith("database.user/password: only for PostgreSQL");
        assertThat(db(null, "vigil", null).problems()).singleElement().asString()
                .isEqualTo("database.user/password: given without database.url");
    }
}
