package org.vigil.checks.builtin.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The one thread ({@code vigil-io-udp}) that waits on every {@link AsyncDatagram}'s channel with a selector: the
 * JDK has no asynchronous datagram channel to put on {@link BuiltinIo}'s channel group. Everything that touches a
 * datagram's state runs here, as a task handed to {@link #execute}, so that state needs no lock.
 */
final class DatagramLoop {

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    /** Where a datagram lands before it is copied out at its size: the largest a UDP datagram can be. */
    private final ByteBuffer scratch = ByteBuffer.allocate(65536);

    DatagramLoop() throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this::loop, "vigil-io-udp");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code task} on the loop's thread, after what was handed before it. */
    void execute(Runnable task) {
        tasks.add(task);
        if (Thread.currentThread() != thread) {
            selector.wakeup();
        }
    }

    /** The selector the datagrams register with; only on the loop's thread. */
    Selector selector() {
        return selector;
    }

    /** The loop's own receive buffer; only on the loop's thread. */
    ByteBuffer scratch() {
        return scratch;
    }

    private void loop() {
        while (true) {
            runTasks();
            try {
                selector.select();
            } catch (IOException e) {
                // the selector failing is the kernel's business; the next round tries again
                continue;
            }
            Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
            while (ready.hasNext()) {
                SelectionKey key = ready.next();
                ready.remove();
                if (key.isValid()) {
                    guarded(() -> ((AsyncDatagram) key.attachment()).ready(key.readyOps()));
                }
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            guarded(task);
        }
    }

    /** A failing task is the bug of one check: it must not stop the loop every other check waits on. */
    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }
}
