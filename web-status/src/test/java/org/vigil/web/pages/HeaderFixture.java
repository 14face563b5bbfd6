package org.vigil.web.pages;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigil.engine.daemon.Daemon;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.WebServer;
import org.vigil.web.auth.PasswordHash;

/**
 * A real daemon and web server on names chosen for the search's ranking (hosts {@code db}, {@code db1},
 * {@code db-replica}, {@code oldb}, {@code web1}; services whose names hold "db" as a word or not at all), with
 * users: {@code admin} sees everything, {@code alice} only web1 and its services (its contact), {@code bob} the
 * other hosts and their services. Active checks are off: tests set states with passive results (one attempt, so HARD at once).
 * Started as every page test's monitor is ({@link WebFixture#of}), with the users' YAML.
 */
final class HeaderFixture implements AutoCloseable {

    static final String OBJECTS = """
            define command {
                command_name check_dummy
                command_line /usr/lib/nagios/plugins/check_dummy $ARG1$
            }
            define timeperiod {
                timeperiod_name 24x7
                alias           Always
                sunday          00:00-24:00
                monday          00:00-24:00
                tuesday         00:00-24:00
                wednesday       00:00-24:00
                thursday        00:00-24:00
                friday          00:00-24:00
                saturday        00:00-24:00
            }
            define contact {
                contact_name alice
                host_notification_period 24x7
                service_notification_period 24x7
                host_notification_commands check_dummy
                service_notification_commands check_dummy
            }
            define contact {
                contact_name bob
                host_notification_period 24x7
                service_notification_period 24x7
                host_notification_commands check_dummy
                service_notification_commands check_dummy
            }
            define hostgroup {
                hostgroup_name databases
                alias          All DBs
                members        db,db1,db-replica
            }
            define servicegroup {
                servicegroup_name backups
                alias             Nightly backups
                members           web1,Backup db
            }
            define host {
                name                  base-host
                register              0
                check_command         check_dummy!0
                max_check_attempts    1
                active_checks_enabled 0
                check_period          24x7
                notification_period   24x7
                contacts              bob
            }
            define host {
                use       base-host
                host_name db
                alias     Main database
                address   192.0.2.1
            }
            define host {
                use       base-host
                host_name db1
                alias     Database one
                address   192.0.2.2
            }
            define host {
                use       base-host
                host_name db-replica
                alias     Replica of db1
                address   192.0.2.3
            }
            define host {
                use       base-host
                host_name oldb
                alias     Old box
                address   192.0.2.4
            }
            define host {
                use       base-host
                host_name web1
                alias     Web one
                address   192.0.2.10
                contacts  alice
            }
            define service {
                name                  base-service
                register              0
                check_command         check_dummy!0
                max_check_attempts    1
                active_checks_enabled 0
                check_period          24x7
                notification_period   24x7
                contacts              bob
            }
            define service {
                use                 base-service
                host_name           web1
                service_description Disk /var
                display_name        Var partition
                contacts            alice
            }
            define service {
                use                 base-service
                host_name           web1
                service_description http
                contacts            alice
            }
            define service {
                use                 base-service
                host_name           web1
                service_description Backup db
                contacts            alice
            }
            define service {
                use                 base-service
                host_name           db1
                service_description ping
            }
            define service {
                use                 base-service
                host_name           db
                service_description ping
            }
            """;

    /** Iterations of the users' password hashes: cheap, since these tests are not about passwords. */
    static final int CHEAP = 1_000;

    final WebFixture fixture;
    final Daemon daemon;
    final WebServer web;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    HeaderFixture(Path dir) throws Exception {
        Path yml = dir.resolve("vigil.yml");
        Files.writeString(yml, """
                auth:
                  users:
                    - name: admin
                      password_hash: "%s"
                      all_objects: true
                    - name: alice
                      password_hash: "%s"
                      contact: alice
                    - name: bob
                      password_hash: "%s"
                      contact: bob
                """.formatted(PasswordHash.hash("adm-secret", CHEAP), PasswordHash.hash("a-secret", CHEAP),
                PasswordHash.hash("b-secret", CHEAP)));
        fixture = WebFixture.of(dir, OBJECTS, "", WebServer.configuration(yml));
        daemon = fixture.daemon;
        web = fixture.web;
    }

    /** A reply: status, body, content type. */
    record Reply(int status, String text, String type, byte[] bytes) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(text);
        }
    }

    /** GET {@code path} as {@code user} ("admin", "alice", "bob"; null: no credentials). */
    Reply get(String user, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).GET();
        if (user != null) {
            String secret = switch (user) {
                case "admin" -> "adm-secret";
                case "alice" -> "a-secret";
                default -> "b-secret";
            };
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8),
                r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** Submits an external command line now and waits until the engine has taken it. */
    void command(String line) throws Exception {
        fixture.commands(java.util.List.of(line));
    }

    @Override
    public void close() {
        fixture.close();
    }
}
