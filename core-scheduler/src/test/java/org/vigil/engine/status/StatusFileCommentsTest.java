package org.vigil.engine.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.engine.comment.Comment;
import org.vigil.engine.comment.CommentType;
import org.vigil.engine.retention.ObjectKey;

/** The comment blocks of status.dat, byte for byte as nagios4 4.4.6 wrote them for the same three comments. */
class StatusFileCommentsTest {

    /**
     * Copied from nagios4's status.dat after ADD_SVC_COMMENT, ADD_HOST_COMMENT and a sticky acknowledgement (the
     * comments that follow the contact's block).
     */
    private static final String NAGIOS = """
            servicecomment {
            \thost_name=h1
            \tservice_description=s1
            \tentry_type=1
            \tcomment_id=1
            \tsource=1
            \tpersistent=1
            \tentry_time=1795607540
            \texpires=0
            \texpire_time=0
            \tauthor=bob
            \tcomment_data=persistent comment; with semi
            \t}

            hostcomment {
            \thost_name=h1
            \tentry_type=1
            \tcomment_id=2
            \tsource=1
            \tpersistent=0
            \tentry_time=1795607541
            \texpires=0
            \texpire_time=0
            \tauthor=carol
            \tcomment_data=transient host comment
            \t}

            servicecomment {
            \thost_name=h1
            \tservice_description=s1
            \tentry_type=4
            \tcomment_id=3
            \tsource=0
            \tpersistent=0
            \tentry_time=1795607544
            \texpires=0
            \texpire_time=0
            \tauthor=alice
            \tcomment_data=sticky ack; nonpersistent
            \t}

            """;

    private static final ObjectKey SERVICE = ObjectKey.service("h1", "s1");
    private static final ObjectKey HOST = ObjectKey.host("h1");

    @Test
    void commentsFollowTheContactsInIdOrderAsNagiosWritesThem() {
        List<Comment> comments = List.of(
                comment(1, SERVICE, CommentType.USER, 1795607540, "bob", "persistent comment; with semi", true, true),
                comment(2, HOST, CommentType.USER, 1795607541, "carol", "transient host comment", false, true),
                comment(3, SERVICE, CommentType.ACKNOWLEDGEMENT, 1795607544, "alice", "sticky ack; nonpersistent",
                        false, false));
        String text = StatusFile.render(Instant.ofEpochSecond(1795607546), program(), List.of(), List.of(),
                List.of("admin"), comments);
        // the contact's own block (StatusFileTest) ends right before the comments
        String tail = text.substring(text.indexOf("contactstatus {"));
        assertThat(tail).startsWith("contactstatus {\n\tcontact_name=admin\n").endsWith("\t}\n\n" + NAGIOS);
        assertThat(tail.substring(0, tail.length() - NAGIOS.length())).containsOnlyOnce("{");
    }

    @Test
    void aLineBreakInATextCannotBreakTheBlock() {
        Comment c = comment(7, HOST, CommentType.USER, 1, "a\nb", "line\nnext \\n kept", true, true);
        StringBuilder sb = new StringBuilder();
        StatusFile.comments(sb, List.of(c));
        assertThat(sb.toString()).contains("\tauthor=a\\nb\n", "\tcomment_data=line\\nnext \\n kept\n");
    }

    @Test
    void withoutCommentsTheFileIsAsBefore() {
        assertThat(StatusFile.render(Instant.EPOCH, program(), List.of(), List.of(), List.of("admin"), List.of()))
                .isEqualTo(StatusFile.render(Instant.EPOCH, program(), List.of(), List.of(), List.of("admin")));
    }

    private static Comment comment(long id, ObjectKey object, CommentType type, long at, String author, String text,
                                   boolean persistent, boolean external) {
        return new Comment(id, object, type, Instant.ofEpochSecond(at), author, text, persistent, external, false,
                Instant.EPOCH);
    }

    private static StatusFile.Program program() {
        return new StatusFile.Program(1, Instant.EPOCH, true, true, true, true, true, true, true, 1, 1);
    }
}
