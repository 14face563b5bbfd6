package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The quick search on a real engine and web server: {@code GET /api/v1/search} ranks exact, then prefix, then word
 * start, then substring matches, a name before an alias; every word of a multi-word query must match; each user
 * finds only what it may see; {@code limit} caps each kind; bad input is a 400 naming the problem; and
 * {@code /search} lists the same without JavaScript.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest {

    HeaderFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new HeaderFixture(dir);
        web.command("PROCESS_SERVICE_CHECK_RESULT;web1;Disk /var;2;DISK CRITICAL - /var 97%");
        web.command("PROCESS_HOST_CHECK_RESULT;db1;1;PING CRITICAL");
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private JsonNode search(String user, String query) throws Exception {
        HeaderFixture.Reply r = web.get(user, "/api/v1/search?" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.type()).startsWith("application/json");
        return r.json();
    }

    /** The results of kind {@code kind}, each as {@code name} or {@code host;name}. */
    private static List<String> names(JsonNode answer, String kind) {
        List<String> out = new ArrayList<>();
        for (JsonNode g : answer.get("groups")) {
            if (g.get("kind").asText().equals(kind)) {
                for (JsonNode r : g.get("results")) {
                    out.add((r.get("host").isNull() ? "" : r.get("host").asText() + ";") + r.get("name").asText());
                }
            }
        }
        return out;
    }

    private static int total(JsonNode answer, String kind) {
        for (JsonNode g : answer.get("groups")) {
            if (g.get("kind").asText().equals(kind)) {
                return g.get("total").asInt();
            }
        }
        throw new AssertionError("no group " + kind + " in " + answer);
    }

    @Test
    void ranksExactThenPrefixThenWordThenSubstringAndNamesBeforeAliases() throws Exception {
        JsonNode a = search("admin", "q=db");
        // db exact; db1 and db-replica prefixes (the shorter first); oldb holds "db" inside a word
        assertThat(names(a, "host")).containsExactly("db", "db1", "db-replica", "oldb");
        // "Backup db": a word of the name; the pings: their host's name starts with db (a secondary name)
        assertThat(names(a, "service")).containsExactly("web1;Backup db", "db;ping", "db1;ping");
        // databases starts with "d", not "db"; its alias "All DBs" has a word starting with db
        assertThat(names(a, "hostgroup")).containsExactly("databases");
        assertThat(names(a, "servicegroup")).isEmpty();
        assertThat(a.get("query").asText()).isEqualTo("db");
        assertThat(a.get("total").asInt()).isEqualTo(8);
        JsonNode groups = a.get("groups");
        assertThat(groups).extracting(g -> g.get("kind").asText())
                .containsExactly("host", "service", "hostgroup", "servicegroup");
        JsonNode db1 = groups.get(0).get("results").get(1);
        assertThat(db1.get("alias").asText()).isEqualTo("Database one");
        assertThat(db1.get("state").asText()).isEqualTo("DOWN");
        assertThat(db1.get("url").asText()).isEqualTo("/host/db1");
        assertThat(groups.get(2).get("results").get(0).get("url").asText()).isEqualTo("/hostgroups?name=databases");
    }

    @Test
    void findsByAliasDisplayNameAndAddressAndNeedsEveryWord() throws Exception {
        // "Database one" starts with it, "Main database" has it as a later word
        assertThat(names(search("admin", "q=database"), "host")).containsExactly("db1", "db");
        assertThat(names(search("admin", "q=Main%20DATA"), "host")).containsExactly("db");
        assertThat(names(search("admin", "q=192.0.2.10"), "host")).containsExactly("web1");
        JsonNode var = search("admin", "q=partition");
        assertThat(names(var, "service")).containsExactly("web1;Disk /var");
        JsonNode hit = var.get("groups").get(1).get("results").get(0);
        assertThat(hit.get("alias").asText()).isEqualTo("Var partition");
        assertThat(hit.get("state").asText()).isEqualTo("CRITICAL");
        assertThat(hit.get("url").asText()).isEqualTo("/service/web1/Disk%20/var");
        assertThat(names(search("admin", "q=web1%20var"), "service")).containsExactly("web1;Disk /var");
        assertThat(names(search("admin", "q=db1%20var"), "service")).isEmpty();
        assertThat(names(search("admin", "q=nightly"), "servicegroup")).containsExactly("backups");
        assertThat(search("admin", "q=nothing-like-this").get("total").asInt()).isZero();
    }

    @Test
    void eachUserFindsOnlyWhatItMaySee() throws Exception {
        JsonNode alice = search("alice", "q=db");
        assertThat(names(alice, "host")).isEmpty();
        assertThat(names(alice, "service")).containsExactly("web1;Backup db");
        assertThat(names(alice, "hostgroup")).isEmpty(); // none of its members is alice's
        assertThat(names(search("alice", "q=backup"), "servicegroup")).containsExactly("backups");
        JsonNode bob = search("bob", "q=db");
        assertThat(names(bob, "host")).containsExactly("db", "db1", "db-replica", "oldb");
        assertThat(names(bob, "service")).containsExactly("db;ping", "db1;ping");
        assertThat(names(bob, "hostgroup")).containsExactly("databases");
        assertThat(names(search("bob", "q=web"), "host")).isEmpty();
        assertThat(web.get(null, "/api/v1/search?q=db").status()).isEqualTo(401);
    }

    @Test
    void limitCapsEachKindAndTotalCountsAll() throws Exception {
        JsonNode a = search("admin", "q=db&limit=2");
        assertThat(names(a, "host")).containsExactly("db", "db1");
        assertThat(total(a, "host")).isEqualTo(4);
        assertThat(names(a, "service")).hasSize(2);
        assertThat(total(a, "service")).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                 | q is required: the text to search for",
            "q=                 | q is required: the text to search for",
            "q=%20%20           | q is required: the text to search for",
            "q=db&limit=0       | limit must be 1 to 100, not 0",
            "q=db&limit=101     | limit must be 1 to 100, not 101",
            "q=db&limit=many    | limit 'many' is not a whole number",
            "q=a%20b%20c%20d%20e%20f%20g%20h%20i | q has 9 words; at most 8 are taken"})
    void badInputIsA400SayingWhatIsWrong(String query, String detail) throws Exception {
        HeaderFixture.Reply r = web.get("admin", "/api/v1/search?" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).isEqualTo(detail);
    }

    @Test
    void aQueryLongerThan100CharactersIsA400() throws Exception {
        HeaderFixture.Reply r = web.get("admin", "/api/v1/search?q=" + "x".repeat(101));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).isEqualTo("q is 101 characters long; at most 100 are taken");
    }

    @Test
    void theSearchPageListsTheResultsWithoutJavaScript() throws Exception {
        HeaderFixture.Reply r = web.get("admin", "/search?q=db");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        String html = r.text();
        assertThat(html).contains("<title>(2) Search: db · Vigil</title>").contains("<strong>8</strong> found for");
        String hosts = html.substring(html.indexOf("id=\"search-host\""), html.indexOf("id=\"search-service\""));
        assertThat(hosts).containsSubsequence("href=\"/host/db\"", "href=\"/host/db1\"", "href=\"/host/db-replica\"",
                "href=\"/host/oldb\"");
        assertThat(html).contains("<a href=\"/service/web1/Backup%20db\">Backup db</a>")
                .contains("<a href=\"/hostgroups?name=databases\">databases</a>")
                .doesNotContain("id=\"search-servicegroup\"");
        // the header's box is the same GET form on every page
        assertThat(web.get("admin", "/hosts").text()).contains("<form class=\"quick-search\" id=\"quick-search\" "
                + "role=\"search\" method=\"get\" action=\"/search\">").contains("name=\"q\"");
        assertThat(web.get("alice", "/search?q=db").text()).doesNotContain("/host/db1");
        assertThat(web.get("admin", "/search").status()).isEqualTo(200);
        HeaderFixture.Reply bad = web.get("admin", "/search?q=" + "x".repeat(101));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.type()).startsWith("text/html");
        assertThat(bad.text()).contains("q is 101 characters long");
    }
}
