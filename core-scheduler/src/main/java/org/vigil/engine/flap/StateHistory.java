package org.vigil.engine.flap;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * The last 21 recorded states of one object, as Nagios keeps them for flap detection ({@code state_history}
 * and {@code state_history_index}), and the weighted percent state change computed from them.
 */
public final class StateHistory {

    /** Nagios's {@code MAX_STATE_HISTORY_ENTRIES}. */
    public static final int ENTRIES = 21;
    private static final double LOW_CURVE = 0.75;
    private static final double HIGH_CURVE = 1.25;

    /** State codes 0-3, one byte each: 100,000 objects keep one history apiece. */
    private final byte[] states = new byte[ENTRIES];
    /** The slot the next state goes to, which is also the oldest entry. */
    private int next;

    /** A history of 21 OK (UP) states, as Nagios starts every object. */
    public StateHistory() {
    }

    /** Records {@code stateCode} over the oldest entry. */
    public void record(int stateCode) {
        states[next] = (byte) stateCode;
        next = (next + 1) % ENTRIES;
    }

    /**
     * The percent state change: each change between two neighbouring entries counts with a weight growing
     * linearly from 0.75 (the oldest pair) to 1.25 (the newest), and the sum is taken as a share of the 20 pairs.
     */
    public double percentStateChange() {
        double changes = 0;
        int[] oldestFirst = oldestFirst();
        for (int x = 1; x < ENTRIES; x++) {
            if (oldestFirst[x] != oldestFirst[x - 1]) {
                changes += (x - 1) * (HIGH_CURVE - LOW_CURVE) / (ENTRIES - 2) + LOW_CURVE;
            }
        }
        return changes * 100.0 / (ENTRIES - 1);
    }

    /** The entries from the oldest to the newest. */
    public int[] oldestFirst() {
        int[] out = new int[ENTRIES];
        for (int x = 0; x < ENTRIES; x++) {
            out[x] = states[(next + x) % ENTRIES];
        }
        return out;
    }

    /** The entries as retained: oldest first, separated by commas. */
    public String encode() {
        StringJoiner j = new StringJoiner(",");
        Arrays.stream(oldestFirst()).forEach(s -> j.add(Integer.toString(s)));
        return j.toString();
    }

    /** A history from {@link #encode}'s text; empty when the text is damaged. */
    public static java.util.Optional<StateHistory> decode(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        StateHistory written = canonical(text);
        if (written != null) {
            return java.util.Optional.of(written);
        }
        String[] parts = text.split(",", -1);
        if (parts.length != ENTRIES) {
            return java.util.Optional.empty();
        }
        StateHistory h = new StateHistory();
        try {
            for (int x = 0; x < ENTRIES; x++) {
                int code = Integer.parseInt(parts[x].strip());
                if (code < 0 || code > 3) {
                    return java.util.Optional.empty();
                }
                h.states[x] = (byte) code;
            }
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(h);
    }

    /**
     * The history in the form Vigil writes it ({@code 0,0,2,...}: one digit 0-3 per entry), read without splitting
     * (a restart reads 100,000 of them); null for any other form, which {@link #decode} reads the long way.
     */
    private static StateHistory canonical(String text) {
        if (text.length() != 2 * ENTRIES - 1) {
            return null;
        }
        StateHistory h = new StateHistory();
        for (int x = 0; x < ENTRIES; x++) {
            char c = text.charAt(2 * x);
            if (c < '0' || c > '3' || (x > 0 && text.charAt(2 * x - 1) != ',')) {
                return null;
            }
            h.states[x] = (byte) (c - '0');
        }
        return h;
    }

    /** A history holding {@code oldestFirst}, for tests and restores. */
    public static StateHistory of(int... oldestFirst) {
        if (oldestFirst.length != ENTRIES) {
            throw new IllegalArgumentException("a state history has " + ENTRIES + " entries, not "
                    + oldestFirst.length);
        }
        StateHistory h = new StateHistory();
        for (int x = 0; x < ENTRIES; x++) {
            h.states[x] = (byte) oldestFirst[x];
        }
        return h;
    }
}
