package org.vigil.notify.outbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.vigil.notify.delivery.Channel;
import org.vigil.notify.delivery.DeliveryException;
import org.vigil.notify.delivery.Notification;

/** A channel whose next outcomes the test scripts (fail for now, fail for good); it records what it delivered. */
final class ScriptedChannel implements Channel {

    enum Outcome { OK, TEMPORARY, PERMANENT }

    private final String name;
    private final Deque<Outcome> script = new ArrayDeque<>();
    private final List<String> delivered = new ArrayList<>();
    private final List<Long> attemptTimes = new ArrayList<>();
    private final java.util.Map<String, Deque<Outcome>> perSubject = new java.util.HashMap<>();
    private Outcome otherwise = Outcome.OK;

    ScriptedChannel(String name) {
        this.name = name;
    }

    synchronized ScriptedChannel then(Outcome... outcomes) {
        script.addAll(List.of(outcomes));
        return this;
    }

    /** Outcomes for notifications about {@code subject} ("host/service") only. */
    synchronized ScriptedChannel thenFor(String subject, Outcome... outcomes) {
        perSubject.computeIfAbsent(subject, k -> new ArrayDeque<>()).addAll(List.of(outcomes));
        return this;
    }

    synchronized ScriptedChannel otherwise(Outcome outcome) {
        otherwise = outcome;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void deliver(Notification n, String key) throws DeliveryException {
        attemptTimes.add(System.nanoTime() / 1_000_000);
        Deque<Outcome> own = perSubject.get(n.subject());
        Outcome outcome = own != null && !own.isEmpty() ? own.poll() : script.isEmpty() ? otherwise : script.poll();
        switch (outcome) {
            case TEMPORARY -> throw DeliveryException.temporary("connection refused", null);
            case PERMANENT -> throw DeliveryException.permanent("550 no such user", null);
            default -> delivered.add(n.type() + " " + n.subject() + " #" + n.notificationNumber() + " " + key);
        }
    }

    synchronized List<String> delivered() {
        return List.copyOf(delivered);
    }

    synchronized List<Long> attemptTimes() {
        return List.copyOf(attemptTimes);
    }
}
