package org.vigil.web.pages;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vigil.model.Once;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.auth.WebUser;

/**
 * The list pages already answered from one snapshot. A snapshot never changes, and a row's duration is as of the
 * snapshot, so the same list asked again by a user who sees the same objects and has the same right to act gets
 * the same rows and the same HTML: in an incident, when every operator and wall screen reloads {@code /problems},
 * the rows are chosen and written once per snapshot rather than once per request. The next snapshot (at most a
 * second later while anything changes) starts empty.
 *
 * <p>At most {@link #MAX} lists of at most the default page size are kept per snapshot; others are made per
 * request. Requests for the same list at the moment it is made wait for the one making it.
 */
final class Answers {

    /** Lists kept per snapshot, each of at most {@link ListParams#PER_PAGE} rows (about 400 kB of HTML). */
    static final int MAX = 16;

    private final Map<Key, Answer<?>> kept = new ConcurrentHashMap<>();
    /** The lists being made now, each by one request. */
    private final Map<Key, Once<? extends Answer<?>>> making = new ConcurrentHashMap<>();

    /** A list, as the request names it, and what of its user decides the rows: the objects seen, the right to act. */
    record Key(String path, String query, boolean allObjects, String contact, boolean readOnly) {

        static Key of(String path, String rawQuery, WebUser user) {
            return new Key(path, rawQuery == null ? "" : rawQuery, user.allObjects(),
                    user.allObjects() ? null : user.contact(), user.readOnly());
        }
    }

    /**
     * One list answered: its page of rows and, once written, their HTML per section ("" for the whole list,
     * "handled" and "unhandled" for problems).
     */
    static final class Answer<T> {

        private final Paged<T> page;
        private final Map<String, String> html = new ConcurrentHashMap<>();

        Answer(Paged<T> page) {
            this.page = page;
        }

        Paged<T> page() {
            return page;
        }

        String html(String section, Function<String, String> write) {
            String done = html.get(section);
            if (done != null) {
                return done;
            }
            synchronized (this) { // one request writes it; the others asking meanwhile wait
                return html.computeIfAbsent(section, write);
            }
        }
    }

    /** The answers of snapshot {@code s}. */
    static Answers of(StatusSnapshot s) {
        return s.derived(Answers.class, x -> new Answers());
    }

    /** The answer to {@code key}, made by {@code make} unless this snapshot already answered it. */
    @SuppressWarnings("unchecked")
    <T> Answer<T> get(Key key, Supplier<Paged<T>> make) {
        Answer<T> done = (Answer<T>) kept.get(key);
        if (done != null) {
            return done;
        }
        if (kept.size() >= MAX) {
            return new Answer<>(make.get());
        }
        // one request makes it; those asking the same list meanwhile wait for it rather than make it too (twenty
        // clients at the moment a snapshot is new made it twenty times at once). Made outside the map's lock
        // (Once), so that requests for other lists never wait for it
        Once<Answer<T>> once = (Once<Answer<T>>) making.computeIfAbsent(key, k -> new Once<>(() ->
                new Answer<>(make.get())));
        try {
            Answer<T> made = once.get();
            if (made.page.items().size() > ListParams.PER_PAGE) {
                return made; // a long page is not kept
            }
            Answer<T> raced = (Answer<T>) kept.putIfAbsent(key, made);
            return raced == null ? made : raced;
        } finally {
            making.remove(key, once); // kept first: a request arriving now finds it there
        }
    }
}
