package org.vigil.engine.status;

import java.util.Collection;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceStatus;

/**
 * status.dat's host and service blocks kept from one write to the next: a block is rendered again only when its
 * status changed since (its {@link CheckableStatus#changeCount}), and only its {@code last_update} value is written
 * anew. The file stays what a full render writes, byte for byte. At 500 checks/s over 5,000 services a write renders
 * a tenth of the blocks. One writer's; a write that overlaps another (the last one, at a stop) still renders
 * every block from its own copies or from blocks of the same statuses.
 *
 * <p>Blocks are kept for the first {@link #KEPT} objects only, about 30 MB: beyond, each write renders its blocks as
 * a full render does, so that 100,000 services do not hold a second copy of the file in memory.
 */
public final class StatusBlocks {

    /** How many objects' blocks are kept (from the file's start). */
    static final int KEPT = 20_000;

    /** The statuses whose blocks are kept, by position in the file, and the change count each was rendered at. */
    private CheckableStatus<?>[] objects = new CheckableStatus<?>[0];
    private long[] counts = new long[0];
    /** Each block up to its {@code last_update} value and after it ({@link StatusFile#objectHead}). */
    private String[] heads = new String[0];
    private String[] tails = new String[0];
    private final StringBuilder scratch = new StringBuilder(2048);
    private final int kept;

    public StatusBlocks() {
        this(KEPT);
    }

    /** Keeping the blocks of the first {@code kept} objects only. */
    StatusBlocks(int kept) {
        this.kept = kept;
    }

    /**
     * What the next write renders, taken where the statuses do not change meanwhile (the engine thread, or after it
     * stopped): copies of the statuses whose kept block is stale or missing; none of the others.
     */
    public synchronized Pending take(Collection<HostStatus> hosts, Collection<ServiceStatus> services) {
        int n = hosts.size() + services.size();
        CheckableStatus<?>[] live = new CheckableStatus<?>[n];
        CheckableStatus<?>[] copies = new CheckableStatus<?>[n];
        int i = 0;
        for (HostStatus h : hosts) {
            live[i] = h;
            copies[i] = kept(i, h) ? null : h.snapshot();
            i++;
        }
        for (ServiceStatus s : services) {
            live[i] = s;
            copies[i] = kept(i, s) ? null : s.snapshot();
            i++;
        }
        return new Pending(live, copies);
    }

    private boolean kept(int i, CheckableStatus<?> c) {
        return i < kept && i < objects.length && objects[i] == c && counts[i] == c.changeCount();
    }

    /** The blocks of one write, in the file's order: hosts, then services, as they were taken. */
    public final class Pending implements StatusFile.ObjectBlocks {
        private final CheckableStatus<?>[] live;
        private final CheckableStatus<?>[] copies;

        private Pending(CheckableStatus<?>[] live, CheckableStatus<?>[] copies) {
            this.live = live;
            this.copies = copies;
        }

        /** Appends every block, rendering the changed ones and keeping them for the next write. */
        @Override
        public void renderTo(StringBuilder sb, Runnable spill, long lastUpdate) {
            synchronized (StatusBlocks.this) {
                renderLocked(sb, spill, lastUpdate);
            }
        }

        private void renderLocked(StringBuilder sb, Runnable spill, long lastUpdate) {
            resize(Math.min(live.length, kept));
            for (int i = 0; i < live.length; i++) {
                CheckableStatus<?> copy = copies[i];
                if (i >= kept) {
                    StatusFile.objectHead(sb, copy);
                    sb.append(lastUpdate);
                    StatusFile.objectTail(sb, copy);
                } else {
                    if (copy != null) {
                        keep(i, live[i], copy);
                    }
                    sb.append(heads[i]).append(lastUpdate).append(tails[i]);
                }
                spill.run();
            }
        }
    }

    private void keep(int i, CheckableStatus<?> live, CheckableStatus<?> copy) {
        scratch.setLength(0);
        StatusFile.objectHead(scratch, copy);
        heads[i] = scratch.toString();
        scratch.setLength(0);
        StatusFile.objectTail(scratch, copy);
        tails[i] = scratch.toString();
        objects[i] = live;
        counts[i] = copy.changeCount();
    }

    /** Fits the kept arrays to {@code n} objects; a position past the old end has no block yet (its copy is taken). */
    private void resize(int n) {
        if (n != objects.length) {
            objects = java.util.Arrays.copyOf(objects, n);
            counts = java.util.Arrays.copyOf(counts, n);
            heads = java.util.Arrays.copyOf(heads, n);
            tails = java.util.Arrays.copyOf(tails, n);
        }
    }
}
