package org.vigil.engine.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;

/** The comment store on its own: ids, retention entries, deletion rules and Nagios's rule at restart. */
class CommentsTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00.700Z");
    private static final CheckTarget HOST = new CheckTarget("h0", "web1", null);
    private static final CheckTarget HTTP = new CheckTarget("s1", "web1", new ServiceKey("web1", "http"));

    /** Records what reaches retention. */
    private static final class Sink implements EntrySink {
        long next = 10;
        final List<String> calls = new ArrayList<>();

        @Override
        public long nextEntryId() {
            return next++;
        }

        @Override
        public void saveEntry(Entry entry) {
            calls.add("save " + entry.id());
        }

        @Override
        public void removeEntry(long id) {
            calls.add("remove " + id);
        }
    }

    private final Sink sink = new Sink();
    private final Comments comments = new Comments(sink);

    @Test
    void commentsAreKeptInRetentionAsTheyComeAndGo() {
        long ack = comments.add(HTTP, CommentType.ACKNOWLEDGEMENT, "alice", "on it", false, AT);
        long user = comments.addUserComment(HTTP, "bob", "note", true, AT);
        long host = comments.addUserComment(HOST, "carol", "rack", false, AT);
        assertThat(List.of(ack, user, host)).containsExactly(10L, 11L, 12L);
        Comment c = comments.get(ack).orElseThrow();
        assertThat(c.entryTime()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(c.external()).isFalse();
        assertThat(comments.get(user).orElseThrow().external()).isTrue();
        assertThat(comments.of(HTTP)).extracting(Comment::id).containsExactly(10L, 11L);

        assertThat(comments.deleteAcknowledgementComments(HTTP)).isEqualTo(1);
        assertThat(comments.deleteAll(HOST)).isEqualTo(1);
        assertThat(comments.delete(99)).isFalse();
        assertThat(comments.all()).extracting(Comment::id).containsExactly(11L);
        assertThat(sink.calls).containsExactly("save 10", "save 11", "save 12", "remove 10", "remove 12");
    }

    /** What the command limits count: user and acknowledgement comments, per object and in all, also restored. */
    @Test
    void commentsMadeByCommandsAreCountedAsTheyComeGoAndReturn() {
        comments.add(HTTP, CommentType.ACKNOWLEDGEMENT, "alice", "ack", true, AT);
        comments.addUserComment(HTTP, "bob", "note", true, AT);
        long host = comments.addUserComment(HOST, "carol", "rack", true, AT);
        comments.add(HTTP, CommentType.DOWNTIME, "(Nagios Process)", "downtime", false, AT);
        comments.add(HOST, CommentType.FLAPPING, "(Nagios Process)", "flapping", false, AT);
        assertThat(List.of(comments.madeByCommands(HTTP), comments.madeByCommands(HOST), comments.madeByCommands()))
                .containsExactly(2, 1, 3);
        comments.delete(host);
        comments.deleteAll(HTTP);
        assertThat(List.of(comments.madeByCommands(HTTP), comments.madeByCommands(HOST), comments.madeByCommands()))
                .containsExactly(0, 0, 0);

        Comments restored = new Comments(new Sink());
        List<Entry> entries = List.of(
                new Comment(1, Comments.key(HTTP), CommentType.USER, AT, "a", "x", true, true, false, Instant.EPOCH)
                        .toEntry(),
                new Comment(2, Comments.key(HTTP), CommentType.ACKNOWLEDGEMENT, AT, "a", "x", true, false, false,
                        Instant.EPOCH).toEntry(),
                new Comment(3, Comments.key(HOST), CommentType.DOWNTIME, AT, "a", "x", false, false, false,
                        Instant.EPOCH).toEntry());
        restored.restore(entries, k -> Optional.of(k.equals(Comments.key(HOST)) ? HOST : HTTP), t -> false);
        assertThat(restored.all()).hasSize(3);
        assertThat(List.of(restored.madeByCommands(HTTP), restored.madeByCommands(HOST), restored.madeByCommands()))
                .containsExactly(2, 0, 2);
    }

    @Test
    void aHostsCommentsAreNotItsServicesComments() {
        comments.addUserComment(HTTP, "bob", "service note", true, AT);
        comments.addUserComment(HOST, "bob", "host note", true, AT);
        comments.deleteAll(HOST);
        assertThat(comments.all()).extracting(Comment::text).containsExactly("service note");
    }

    @Test
    void entriesKeepEveryFieldNagiosRetains() {
        Comment c = new Comment(5, ObjectKey.service("web1", "http"), CommentType.FLAPPING, AT.minusMillis(700),
                "(Nagios Process)", "flapping; see", true, false, true, Instant.ofEpochSecond(99));
        Entry e = c.toEntry();
        assertThat(e.fields()).containsEntry("entry_type", "3").containsEntry("persistent", "1")
                .containsEntry("source", "0").containsEntry("expires", "1").containsEntry("expire_time", "99")
                .containsEntry("author", "(Nagios Process)").containsEntry("comment_data", "flapping; see")
                .containsEntry("entry_time", Long.toString(AT.getEpochSecond()));
        assertThat(Comment.fromEntry(e)).isEqualTo(c);
    }

    /**
     * Nagios's xrddefault rule: persistent comments stay; an acknowledgement comment that is not persistent
     * stays only while its object is acknowledged; other comments that are not persistent, and comments of
     * objects that no longer exist, go (from retention too). Damaged entries go with a warning.
     */
    @Test
    void restartKeepsWhatNagiosKeeps() {
        ObjectKey http = ObjectKey.service("web1", "http");
        ObjectKey disk = ObjectKey.service("web1", "disk");
        ObjectKey gone = ObjectKey.service("web1", "removed");
        List<Entry> retained = List.of(
                entry(1, http, 1, true), entry(2, http, 1, false), entry(3, http, 4, false), entry(4, disk, 4, false),
                entry(5, disk, 4, true), entry(6, disk, 2, false), entry(7, disk, 3, true), entry(8, gone, 1, true),
                new Entry(Entry.Kind.COMMENT, 9, http, Map.of("entry_type", "x")),
                new Entry(Entry.Kind.DOWNTIME, 10, http, Map.of()));
        CheckTarget diskTarget = new CheckTarget("s2", "web1", new ServiceKey("web1", "disk"));
        List<String> problems = comments.restore(retained,
                k -> k.equals(http) ? Optional.of(HTTP) : k.equals(disk) ? Optional.of(diskTarget) : Optional.empty(),
                t -> Set.of(HTTP).contains(t));
        // 6, a downtime's comment, stays with its downtime (Vigil; Nagios adds it again when the downtime is read)
        assertThat(comments.all()).extracting(Comment::id).containsExactly(1L, 3L, 5L, 6L, 7L);
        assertThat(sink.calls).containsExactly("remove 2", "remove 4", "remove 8", "remove 9");
        assertThat(problems).containsExactly("comment 9 of service web1;http is damaged (entry_type 'x' is not a "
                + "number); it is dropped");
    }

    private static Entry entry(long id, ObjectKey object, int type, boolean persistent) {
        return new Comment(id, object, CommentType.ofCode(type), AT, "a", "t" + id, persistent, type == 1, false,
                Instant.EPOCH).toEntry();
    }
}
