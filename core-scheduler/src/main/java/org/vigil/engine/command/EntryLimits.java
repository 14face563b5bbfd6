package org.vigil.engine.command;

/**
 * How many comments and downtimes external commands may leave in the engine, per object and in all, so that no
 * writer of the command file or the API can grow the heap, retention and status.dat without end ({@code limits:}
 * in vigil.yml). Nagios has no such cap. A command that would pass one is refused whole, with the limit named.
 *
 * <p>Counted comments are those commands make: user comments ({@code ADD_*_COMMENT}) and acknowledgement
 * comments (each {@code ACKNOWLEDGE_*_PROBLEM} adds one, and persistent ones stay). A downtime's own comment and
 * the flapping comment come and go with their downtime or flapping, so they are bounded by those and not counted.
 * Entries restored from retention are kept even above a lowered limit; only new ones are refused.
 *
 * @param commentsPerObject counted comments one host or service may hold
 * @param comments counted comments of all objects together
 * @param downtimesPerObject downtimes one host or service may hold
 * @param downtimes downtimes of all objects together
 */
public record EntryLimits(int commentsPerObject, int comments, int downtimesPerObject, int downtimes) {

    /**
     * The defaults: a few hundred per object is far above what an object gathers in use (a year of weekly
     * downtimes scheduled ahead is 52), and 100,000 in all covers a downtime on every service of a large
     * installation. The worst case is bounded, not small: 100,000 entries with every text at its size limit
     * ({@link CommandLimits}) hold about 0.9 GB, so a small heap wants lower limits (docs/configuration.md).
     */
    public static final EntryLimits DEFAULTS = new EntryLimits(500, 100_000, 500, 100_000);

    public EntryLimits {
        if (commentsPerObject < 1 || comments < 1 || downtimesPerObject < 1 || downtimes < 1) {
            throw new IllegalArgumentException("entry limits must be 1 or more: " + commentsPerObject + ", "
                    + comments + ", " + downtimesPerObject + ", " + downtimes);
        }
    }
}
