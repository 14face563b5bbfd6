package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vigil.web.auth.WebUser;

/** The lists kept per snapshot: one answer per list and kind of user, bounded in number and in size. */
class AnswersTest {

    private static final WebUser ADMIN = new WebUser("admin", null, true, false);
    private static final WebUser VIEWER = new WebUser("viewer", null, true, true);
    private static final WebUser ALICE = new WebUser("alice", "alice", false, false);
    private static final WebUser AL = new WebUser("al", "alice", false, false);

    private static Paged<String> page(int rows) {
        List<String> items = Collections.nCopies(rows, "row");
        return new Paged<>(items, rows, rows, 1, 1, rows == 0 ? 0 : 1, rows);
    }

    @Test
    void theSameListForTheSameKindOfUserIsMadeOnce() {
        Answers answers = new Answers();
        AtomicInteger made = new AtomicInteger();
        Answers.Key key = Answers.Key.of("/problems", null, ADMIN);
        Answers.Answer<String> first = answers.get(key, () -> page(made.incrementAndGet()));
        Answers.Answer<String> again = answers.get(Answers.Key.of("/problems", "", new WebUser("root", null, true,
                false)), () -> page(made.incrementAndGet()));
        assertThat(again).isSameAs(first);
        assertThat(made).hasValue(1);
        // users bound to the same contact see the same objects
        assertThat(answers.get(Answers.Key.of("/problems", null, AL), () -> page(made.incrementAndGet())))
                .isSameAs(answers.get(Answers.Key.of("/problems", null, ALICE), () -> page(made.incrementAndGet())));
        assertThat(made).hasValue(2);
    }

    @Test
    void requestsForAListBeingMadeWaitForItRatherThanMakeItToo() throws Exception {
        Answers answers = new Answers();
        AtomicInteger made = new AtomicInteger();
        java.util.concurrent.CountDownLatch making = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        Answers.Key key = Answers.Key.of("/problems", null, ADMIN);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.Future<Answers.Answer<String>> first = pool.submit(() -> answers.get(key, () -> {
                making.countDown();
                await(finish);
                return page(made.incrementAndGet());
            }));
            making.await();
            List<java.util.concurrent.Future<Answers.Answer<String>>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(pool.submit(() -> answers.get(key, () -> page(made.incrementAndGet()))));
            }
            Thread.sleep(100);
            finish.countDown();
            for (java.util.concurrent.Future<Answers.Answer<String>> o : others) {
                assertThat(o.get()).isSameAs(first.get());
            }
            assertThat(made).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anotherQueryOrAnotherKindOfUserIsAnotherAnswer() {
        Answers answers = new Answers();
        Answers.Answer<String> admin = answers.get(Answers.Key.of("/services", "state=critical", ADMIN),
                () -> page(1));
        assertThat(answers.get(Answers.Key.of("/services", "state=critical", VIEWER), () -> page(1)))
                .isNotSameAs(admin);
        assertThat(answers.get(Answers.Key.of("/services", "state=critical", ALICE), () -> page(1)))
                .isNotSameAs(admin);
        assertThat(answers.get(Answers.Key.of("/services", "state=warning", ADMIN), () -> page(1)))
                .isNotSameAs(admin);
        assertThat(answers.get(Answers.Key.of("/hosts", "state=critical", ADMIN), () -> page(1)))
                .isNotSameAs(admin);
    }

    @Test
    void theHtmlOfASectionIsWrittenOnce() {
        Answers.Answer<String> a = new Answers().get(Answers.Key.of("/problems", null, ADMIN), () -> page(2));
        AtomicInteger written = new AtomicInteger();
        assertThat(a.html("handled", s -> s + written.incrementAndGet())).isEqualTo("handled1");
        assertThat(a.html("handled", s -> s + written.incrementAndGet())).isEqualTo("handled1");
        assertThat(a.html("unhandled", s -> s + written.incrementAndGet())).isEqualTo("unhandled2");
    }

    @Test
    void keptListsAreBoundedInNumberAndSize() {
        Answers answers = new Answers();
        for (int i = 0; i < Answers.MAX; i++) {
            Answers.Key key = Answers.Key.of("/services", "text=" + i, ADMIN);
            assertThat(answers.get(key, () -> page(1))).isSameAs(answers.get(key, () -> page(1)));
        }
        Answers.Key beyond = Answers.Key.of("/services", "text=beyond", ADMIN);
        assertThat(answers.get(beyond, () -> page(1))).isNotSameAs(answers.get(beyond, () -> page(1)));

        Answers fresh = new Answers();
        Answers.Key big = Answers.Key.of("/services", "per_page=5000", ADMIN);
        assertThat(fresh.get(big, () -> page(ListParams.PER_PAGE + 1)))
                .isNotSameAs(fresh.get(big, () -> page(ListParams.PER_PAGE + 1)));
    }
}
