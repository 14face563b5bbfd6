package org.vigil.web.search;

import java.util.List;

/**
 * What a search found, by kind ({@link Kind} order): per kind how many objects match in all and the best of them,
 * best first.
 */
public record SearchResults(String query, List<Group> groups) {

    /** The kinds of object searched, in the order the results show them. */
    public enum Kind {
        HOST("host", "Hosts"), SERVICE("service", "Services"), HOSTGROUP("hostgroup", "Host groups"),
        SERVICEGROUP("servicegroup", "Service groups");

        private final String id;
        private final String label;

        Kind(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** The kind as the API names it ({@code host}, {@code servicegroup}...). */
        public String id() {
            return id;
        }

        /** The heading of its results. */
        public String label() {
            return label;
        }
    }

    /** The matches of one kind: {@code total} in all, {@code hits} the best of them. */
    public record Group(Kind kind, int total, List<Hit> hits) {

        public Group {
            hits = List.copyOf(hits);
        }
    }

    /**
     * One object found: its name (a service's description), its host (services only, else null), the alias or
     * display name shown beside the name (null when it says nothing more), and its state (null for groups).
     */
    public record Hit(Kind kind, String name, String host, String alias, String state) {
    }

    public SearchResults {
        groups = List.copyOf(groups);
    }

    /** Objects found of all kinds together. */
    public int total() {
        return groups.stream().mapToInt(Group::total).sum();
    }
}
