package org.vigil.web.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code database:} in {@code vigil.yml}: where retained state and the notification outbox live. Without a
 * {@code url}, retention uses {@code -Dvigil.retention.url} / {@code VIGIL_RETENTION_URL} or embedded H2 beside
 * {@code state_retention_file}, and the outbox its own embedded H2 file there, as without YAML.
 *
 * <p>A PostgreSQL URL holds both (separate tables, separate locks); an H2 file URL {@code jdbc:h2:file:PATH} holds
 * retention, and the outbox goes to {@code PATH-outbox} beside it (one H2 file per store, as by default).
 * {@code user} and {@code password} are for PostgreSQL (they are added to the URL as its driver reads them);
 * embedded H2 files are always opened as H2's default user.
 */
public final class DatabaseConfig {

    @JsonProperty
    public String url;

    @JsonProperty
    public String user;

    @JsonProperty
    public String password;

    /** Whether {@code url} is set. */
    public boolean given() {
        return url != null && !url.isBlank();
    }

    /** Problems with these settings, each naming its key. */
    public List<String> problems() {
        List<String> out = new java.util.ArrayList<>();
        if (!given()) {
            if (user != null || password != null) {
                out.add("database.user/password: given without database.url");
            }
            return out;
        }
        if (h2()) {
            if (!url.startsWith("jdbc:h2:file:")) {
                out.add("database.url: '" + url + "': an H2 database must be a file (jdbc:h2:file:PATH)");
            }
            if (user != null || password != null) {
                out.add("database.user/password: only for PostgreSQL; an embedded H2 file is opened as H2's default"
                        + " user (leave them out)");
            }
        } else if (!url.startsWith("jdbc:postgresql:")) {
            out.add("database.url: '" + url + "' is not an H2 file or PostgreSQL URL (expected jdbc:h2:file:PATH or"
                    + " jdbc:postgresql://HOST/DB)");
        }
        return out;
    }

    private boolean h2() {
        return url.startsWith("jdbc:h2:");
    }

    /** The retention database's URL, if {@code url} is set (valid settings only). */
    public Optional<String> retentionUrl() {
        return given() ? Optional.of(withCredentials(url)) : Optional.empty();
    }

    /** The outbox database's URL, if {@code url} is set: the same PostgreSQL database, or H2's {@code PATH-outbox}. */
    public Optional<String> outboxUrl() {
        if (!given()) {
            return Optional.empty();
        }
        if (h2()) {
            int settings = url.indexOf(';');
            return Optional.of(settings < 0 ? url + "-outbox"
                    : url.substring(0, settings) + "-outbox" + url.substring(settings));
        }
        return Optional.of(withCredentials(url));
    }

    private String withCredentials(String u) {
        StringBuilder s = new StringBuilder(u);
        char sep = u.contains("?") ? '&' : '?';
        if (user != null) {
            s.append(sep).append("user=").append(URLEncoder.encode(user, StandardCharsets.UTF_8));
            sep = '&';
        }
        if (password != null) {
            s.append(sep).append("password=").append(URLEncoder.encode(password, StandardCharsets.UTF_8));
        }
        return s.toString();
    }
}
