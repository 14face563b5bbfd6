package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of Debian's {@code nagios4-cgi} binaries as a web server runs a CGI program: a GET request described by
 * {@code REQUEST_METHOD}, {@code QUERY_STRING} and {@code REMOTE_USER}, its configuration named by
 * {@code NAGIOS_CGI_CONFIG}; the answer is its standard output, headers first.
 */
final class NagiosCgi {

    static final Path CGI_DIR = Path.of("/usr/lib/cgi-bin/nagios4");

    private final Path cgiConfig;
    private final String user;

    NagiosCgi(Path cgiConfig, String user) {
        this.cgiConfig = cgiConfig;
        this.user = user;
    }

    /** Writes a cgi.cfg naming {@code mainConfig}, with {@code user} allowed everything, as Debian's does. */
    static NagiosCgi configure(Path cgiConfig, Path mainConfig, String user) throws IOException {
        assertThat(CGI_DIR.resolve("status.cgi")).as("Debian's nagios4-cgi (bin/test installs it)").isExecutable();
        StringBuilder sb = new StringBuilder("main_config_file=" + mainConfig + "\n"
                + "physical_html_path=/usr/share/nagios4/htdocs\nurl_html_path=/nagios4\n"
                + "use_authentication=1\nuse_ssl_authentication=0\nlock_author_names=1\n");
        for (String what : List.of("system_information", "configuration_information", "system_commands",
                "all_services", "all_hosts", "all_service_commands", "all_host_commands")) {
            sb.append("authorized_for_").append(what).append('=').append(user).append('\n');
        }
        Files.writeString(cgiConfig, sb.toString());
        return new NagiosCgi(cgiConfig, user);
    }

    /** The CGI's whole answer to {@code GET name?query}, with {@code cookie} as {@code HTTP_COOKIE} if not null. */
    String get(String name, String query, String cookie) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(CGI_DIR.resolve(name).toString());
        Map<String, String> env = pb.environment();
        env.put("REQUEST_METHOD", "GET");
        env.put("QUERY_STRING", query);
        env.put("REMOTE_USER", user);
        env.put("NAGIOS_CGI_CONFIG", cgiConfig.toString());
        env.put("SERVER_NAME", "localhost");
        env.put("SCRIPT_NAME", "/cgi-bin/nagios4/" + name);
        if (cookie != null) {
            env.put("HTTP_COOKIE", cookie);
        }
        Process p = pb.redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(name + " finished").isTrue();
        assertThat(p.exitValue()).as(name + "?" + query + " exit; output:\n" + out).isZero();
        return out;
    }

    String get(String name, String query) throws IOException, InterruptedException {
        return get(name, query, null);
    }

    /** The body of a CGI's answer, after the blank line that ends its headers. */
    static String body(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        int skip = 4;
        if (end < 0) {
            end = answer.indexOf("\n\n");
            skip = 2;
        }
        return end < 0 ? answer : answer.substring(end + skip);
    }

    /** An HTML answer as text: tags and entities of spacing dropped, runs of white space made one space. */
    static String text(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&nbsp;", " ").replaceAll("\\s+", " ");
    }
}
