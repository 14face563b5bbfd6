package org.vigil.web.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.web.api.ApiException;
import org.vigil.web.auth.Access;
import org.vigil.model.CommentView;
import org.vigil.model.StatusSnapshot;

/**
 * {@code /comments}: every comment the user may see, host ones first, newest first, of the kinds asked for
 * ({@code kind=user}, {@code acknowledgement}, {@code downtime}, {@code flapping}, repeated; {@code kind=all}).
 * By default the automatic downtime comments are left out (one per downtime, they flooded the page during
 * maintenance; the downtimes page lists the downtimes themselves), and the page says how many and links to them.
 */
@Path("/comments")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class CommentsPage {

    /** The kinds, as {@code kind=} names them, to Nagios's comment types (CommentView.type). */
    static final Map<String, String> KINDS = kinds();
    static final Set<String> DEFAULT_KINDS = Set.of("USER", "ACKNOWLEDGEMENT", "FLAPPING");

    private final Pages pages;
    private final CommentText text;

    public CommentsPage(Pages pages, CommentText text) {
        this.pages = pages;
        this.text = text;
    }

    private static Map<String, String> kinds() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("user", "USER");
        m.put("acknowledgement", "ACKNOWLEDGEMENT");
        m.put("downtime", "DOWNTIME");
        m.put("flapping", "FLAPPING");
        return m;
    }

    @GET
    public CommentsView show(@Context SecurityContext sc, @Context UriInfo uri) {
        Set<String> types = types(uri.getQueryParameters().get("kind"));
        StatusSnapshot s = pages.snapshot();
        Access a = pages.access(sc);
        List<CommentView> visible = s.comments().stream().filter(c -> a.canSee(c.host(), c.service(), s)).toList();
        List<CommentView> shown = visible.stream().filter(c -> types.contains(c.type()))
                .sorted(Comparator.comparing((CommentView c) -> c.service() != null)
                        .thenComparing(Comparator.comparingLong(CommentView::id).reversed()))
                .map(c -> new CommentView(c.id(), c.host(), c.service(), c.type(), c.entryTime(), c.author(),
                        text.shown(c.type(), c.text()), c.persistent(), c.expires(), c.expireTime()))
                .toList();
        return new CommentsView(pages.context(sc, uri, s, Pages.REFRESH_SECONDS), shown, types,
                visible.size() - shown.size());
    }

    /** The comment types {@code kind} asks for; the default without it; a 400 naming the kinds for a bad one. */
    static Set<String> types(List<String> kinds) {
        if (kinds == null || kinds.stream().allMatch(k -> k == null || k.isBlank())) {
            return DEFAULT_KINDS;
        }
        Set<String> out = new java.util.HashSet<>();
        for (String k : kinds) {
            String key = k == null ? "" : k.strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            if (key.equals("all")) {
                return Set.copyOf(KINDS.values());
            }
            String type = KINDS.get(key);
            if (type == null) {
                throw ApiException.badRequest("kind '" + k + "' is not one of " + String.join(", ", KINDS.keySet())
                        + " or all");
            }
            out.add(type);
        }
        return Set.copyOf(out);
    }
}
