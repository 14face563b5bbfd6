package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The header of every page on a real engine and web server: the problem counts per state (unhandled and handled,
 * each a link to /problems filtered so) over what the user sees, the unhandled count in the title and the favicon,
 * the clock with its zone; {@code GET /api/v1/summary} with the same numbers and the newest hard problems; and
 * {@code /favicon.ico} and {@code /favicon.svg}, served without a login.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeaderCountsTest {

    HeaderFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new HeaderFixture(dir);
        web.command("PROCESS_HOST_CHECK_RESULT;db1;1;PING CRITICAL - 100% loss");
        web.command("PROCESS_HOST_CHECK_RESULT;oldb;1;PING CRITICAL - no answer");
        web.command("ACKNOWLEDGE_HOST_PROBLEM;oldb;1;0;0;ops;on it");
        web.command("PROCESS_SERVICE_CHECK_RESULT;web1;Disk /var;2;DISK CRITICAL - /var 97%");
        web.command("PROCESS_SERVICE_CHECK_RESULT;web1;http;1;HTTP WARNING - slow");
        web.command("PROCESS_SERVICE_CHECK_RESULT;db;ping;3;PING UNKNOWN - no route");
        web.command("PROCESS_SERVICE_CHECK_RESULT;db1;ping;2;PING CRITICAL");
        // db1's ping is not acknowledged itself: its DOWN host's acknowledgement handles it (ProblemHandling)
        web.command("ACKNOWLEDGE_HOST_PROBLEM;db1;1;0;0;ops;host is down");
    }

    @AfterAll
    void stop() {
        web.close();
    }

    /** The header's links: each visible one as {@code handling STATE count -> href}. */
    private static List<String> counts(String html) {
        String block = html.substring(html.indexOf("id=\"problem-counts\""));
        block = block.substring(0, block.indexOf("</div>"));
        List<String> out = new ArrayList<>();
        for (String a : block.split("<a ")) {
            if (!a.startsWith("class=\"hc") || a.contains(" hidden>")) {
                continue;
            }
            String handling = between(a, "data-handling=\"", "\"");
            String href = between(a, "href=\"", "\"").replace("&amp;", "&");
            String text = handling.equals("none") ? "" : " " + between(a, "data-state=\"", "\"") + " "
                    + between(a, "<b>", "</b>");
            out.add(handling + text + " -> " + href);
        }
        return out;
    }

    private static String between(String s, String from, String to) {
        int at = s.indexOf(from) + from.length();
        return s.substring(at, s.indexOf(to, at));
    }

    @Test
    void everyPageShowsTheCountsPerStateAndTheUnhandledCountInItsTitleAndIcon() throws Exception {
        for (String path : new String[] {"/", "/problems", "/hosts", "/host/web1", "/log", "/search?q=db"}) {
            HeaderFixture.Reply r = web.get("admin", path);
            assertThat(r.status()).as(path).isEqualTo(200);
            String html = r.text();
            assertThat(counts(html)).as(path).containsExactly(
                    "handled DOWN 2 -> /problems?state=DOWN&handled=handled",
                    "unhandled CRITICAL 1 -> /problems?state=CRITICAL&handled=unhandled",
                    "handled CRITICAL 1 -> /problems?state=CRITICAL&handled=handled",
                    "unhandled WARNING 1 -> /problems?state=WARNING&handled=unhandled",
                    "unhandled UNKNOWN 1 -> /problems?state=UNKNOWN&handled=unhandled");
            // Disk /var CRITICAL, http WARNING, db's ping UNKNOWN; db1 and oldb acknowledged, db1's ping by its host
            assertThat(html).as(path).containsPattern("<title>\\(3\\) [^<]+ · Vigil</title>")
                    .contains("<link rel=\"icon\" id=\"favicon\" type=\"image/svg+xml\" href=\"/favicon.svg?n=3\">")
                    .contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">")
                    .contains("<script src=\"/static/header.js\" defer></script>");
        }
        assertThat(web.get("admin", "/problems").text()).contains("<title>(3) Problems · Vigil</title>");
    }

    @Test
    void theLinksOfTheCountsListExactlyTheProblemsCounted() throws Exception {
        for (String link : counts(web.get("admin", "/").text())) {
            if (link.startsWith("none")) {
                continue;
            }
            String[] parts = link.split(" ");
            String html = web.get("admin", parts[4]).text();
            assertThat(html).as(link).contains("<strong>" + parts[2] + "</strong> of ");
        }
    }

    @Test
    void eachUserCountsWhatItSees() throws Exception {
        // alice sees web1 and its services: one CRITICAL and one WARNING, both unhandled
        String alice = web.get("alice", "/hosts").text();
        assertThat(counts(alice)).containsExactly(
                "unhandled CRITICAL 1 -> /problems?state=CRITICAL&handled=unhandled",
                "unhandled WARNING 1 -> /problems?state=WARNING&handled=unhandled");
        assertThat(alice).contains("<title>(2) Hosts · Vigil</title>");
        JsonNode s = web.get("alice", "/api/v1/summary").json();
        assertThat(s.get("unhandled").asInt()).isEqualTo(2);
        assertThat(web.get(null, "/api/v1/summary").status()).isEqualTo(401);
    }

    @Test
    void theSummaryHasTheHeadersNumbersAndTheNewestHardProblems() throws Exception {
        HeaderFixture.Reply r = web.get("admin", "/api/v1/summary");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.get("unhandled").asInt()).isEqualTo(3);
        assertThat(s.get("clock").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\S+");
        assertThat(Instant.parse(s.get("taken_at").asText())).isBefore(Instant.now().plusSeconds(1));
        List<String> counts = new ArrayList<>();
        s.get("counts").forEach(c -> counts.add(c.get("state").asText() + " " + c.get("unhandled").asInt() + "/"
                + c.get("handled").asInt()));
        assertThat(counts).containsExactly("DOWN 0/2", "UNREACHABLE 0/0", "CRITICAL 1/1", "WARNING 1/0",
                "UNKNOWN 1/0");
        assertThat(s.has("hard_problems")).isFalse();

        JsonNode hard = web.get("admin", "/api/v1/summary?hard_problems=10").json().get("hard_problems");
        List<String> keys = new ArrayList<>();
        hard.forEach(p -> keys.add(p.get("host").asText() + ";" + (p.get("service").isNull() ? ""
                : p.get("service").asText()) + " " + p.get("state").asText()));
        // the unhandled ones, the newest hard change first (submitted in this order a second or less apart)
        assertThat(keys).containsExactlyInAnyOrder("web1;Disk /var CRITICAL", "web1;http WARNING",
                "db;ping UNKNOWN");
        for (int i = 1; i < hard.size(); i++) {
            assertThat(Instant.parse(hard.get(i - 1).get("since").asText()))
                    .isAfterOrEqualTo(Instant.parse(hard.get(i).get("since").asText()));
        }
        assertThat(hard.get(0).get("output").asText()).isNotEmpty();
        assertThat(web.get("admin", "/api/v1/summary?hard_problems=2").json().get("hard_problems")).hasSize(2);
        assertThat(web.get("alice", "/api/v1/summary?hard_problems=10").json().get("hard_problems"))
                .extracting(p -> p.get("host").asText()).containsOnly("web1");
        for (String bad : new String[] {"-1", "101", "x"}) {
            HeaderFixture.Reply b = web.get("admin", "/api/v1/summary?hard_problems=" + bad);
            assertThat(b.status()).as(bad).isEqualTo(400);
            assertThat(b.json().get("detail").asText()).contains("hard_problems");
        }
    }

    @Test
    void aServiceOfAnAcknowledgedDownHostIsHandledOnEverySurface() throws Exception {
        // db1 DOWN and acknowledged; its ping CRITICAL, not acknowledged itself: handled, as acknowledged
        String overview = web.get("admin", "/").text().replace("&amp;", "&");
        assertThat(overview).contains("href=\"/services?state=CRITICAL&handled=unhandled\">1</a>")
                .contains("href=\"/services?state=CRITICAL&handled=acknowledged\">1</a>");
        assertThat(web.get("admin", "/services?state=CRITICAL&handled=unhandled").text())
                .contains("<strong>1</strong> of ").contains("Disk /var").doesNotContain(">ping<");
        assertThat(web.get("admin", "/services?state=CRITICAL&handled=acknowledged").text())
                .contains("<strong>1</strong> of ").contains("db1");
        assertThat(web.get("admin", "/problems?state=CRITICAL&handled=unhandled").text())
                .contains("<strong>1</strong> of ").doesNotContain("db1");

        JsonNode ping = web.get("admin", "/api/v1/services?host=db1").json().get("items").get(0);
        assertThat(ping.get("status").get("handled").asBoolean()).as(ping.toString()).isTrue();
        assertThat(ping.get("status").get("acknowledged").asBoolean()).isFalse();
        List<String> unhandled = new ArrayList<>();
        web.get("admin", "/api/v1/services?state=unhandled").json().get("items")
                .forEach(v -> unhandled.add(v.get("host").asText() + ";" + v.get("description").asText()));
        assertThat(unhandled).containsExactlyInAnyOrder("web1;Disk /var", "web1;http", "db;ping");
        assertThat(web.get("admin", "/api/v1/services?handled=acknowledged").json().get("items"))
                .extracting(v -> v.get("host").asText()).containsExactly("db1");
        assertThat(web.get("admin", "/api/v1/services?handled=unhandled&host=db1").json().get("items")).isEmpty();
    }

    @Test
    void theClockShowsTheZone() throws Exception {
        String html = web.get("admin", "/").text();
        String zone = java.time.format.DateTimeFormatter.ofPattern("zzz", java.util.Locale.ROOT)
                .format(java.time.ZonedDateTime.now());
        assertThat(html).containsPattern("id=\"header-clock\" title=\"Status taken at\">\\d{4}-\\d\\d-\\d\\d "
                + "\\d\\d:\\d\\d:\\d\\d " + java.util.regex.Pattern.quote(zone) + "</span>");
    }

    @Test
    void theFaviconsAreServedWithoutALogin() throws Exception {
        HeaderFixture.Reply ico = web.get(null, "/favicon.ico");
        assertThat(ico.status()).isEqualTo(200);
        assertThat(ico.type()).isEqualTo("image/x-icon");
        byte[] b = ico.bytes();
        assertThat(b[0] == 0 && b[1] == 0 && b[2] == 1 && b[3] == 0 && b[4] == 1).as("ICO header").isTrue();
        assertThat(b[6]).isEqualTo((byte) 32); // 32 px wide
        // the image inside is a PNG that Java reads back at 32x32
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(b, 22,
                b.length - 22));
        assertThat(png.getWidth()).isEqualTo(32);
        assertThat(png.getHeight()).isEqualTo(32);

        HeaderFixture.Reply plain = web.get(null, "/favicon.svg");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.type()).startsWith("image/svg+xml");
        assertThat(plain.text()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").doesNotContain("<text");
        assertThat(web.get(null, "/favicon.svg?n=4").text()).contains(">4</text>");
        assertThat(web.get(null, "/favicon.svg?n=1234").text()).contains(">99+</text>");
        assertThat(web.get(null, "/favicon.svg?n=x").status()).isEqualTo(400);
        assertThat(web.get(null, "/favicon.svg?n=-1").status()).isEqualTo(400);
        // the SVG is well-formed XML
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(web.get(null, "/favicon.svg?n=12").bytes()));
    }
}
