package org.vigil.config.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;

/**
 * The user, group and supplementary groups that {@code nagios_user} and {@code nagios_group} name, resolved as
 * Nagios 4.4.6's {@code drop_privileges} (base/utils.c, read for behaviour) resolves them: a name through the passwd
 * or group database, digits as the id itself; the supplementary groups those {@code initgroups(user, gid)} gives.
 * Started as root, Vigil runs as this user (through {@code bin/vigil}) and so does every command it starts.
 *
 * <p>Unlike Nagios, which defaults to {@code nagios}/{@code nagios} when neither directive is written, nothing is
 * switched then (docs/compatibility.md): a Vigil started as root on a config without them keeps running as root.
 * When only one is written the other takes Nagios's default user {@code nagios}, or the user's own group.
 *
 * @param user the user's name, or its uid as digits when the passwd database has no entry for it
 * @param groups the gid first, then the user's other groups
 */
public record DaemonUser(String user, int uid, int gid, List<Integer> groups) {

    /** Nagios's default user when only {@code nagios_group} is written. */
    static final String NAGIOS_DEFAULT_USER = "nagios";

    public DaemonUser {
        groups = List.copyOf(groups);
    }

    /** The groups as {@code setpriv --groups} takes them: {@code 112,4}. */
    public String groupList() {
        return groups.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** How the start-up log names it: {@code nagios (uid 105, gid 112, groups 112,4)}. */
    public String describe() {
        return user + " (uid " + uid + ", gid " + gid + ", groups " + groupList() + ")";
    }

    /** What the two directives name; empty when neither is written or they cannot be resolved (see check). */
    public static Optional<DaemonUser> of(MainConfig main, Accounts accounts) {
        Resolved r = resolve(main.value("nagios_user").orElse(null), main.value("nagios_group").orElse(null),
                accounts);
        return Optional.ofNullable(r == null ? null : r.user());
    }

    /**
     * Reports, at the directive's line, a user or group the system does not have (an error: Nagios aborts its start
     * with "Failed to drop privileges"), and, when this process is not root, that the directives are ignored.
     *
     * @param values the last value of each directive written; {@code at} where it was written
     */
    static void check(Map<String, String> values, Map<String, SourceLocation> at, Accounts accounts,
                      Diagnostics diags) {
        Resolved r = resolve(values.get("nagios_user"), values.get("nagios_group"), accounts);
        if (r == null) {
            return;
        }
        if (r.problem() != null) {
            diags.error(at.get(r.directive()), r.problem());
            return;
        }
        int self = accounts.currentUid();
        if (self > 0 && self != r.user().uid()) {
            String directive = at.containsKey("nagios_user") ? "nagios_user" : "nagios_group";
            diags.warning(at.get(directive), directive + " '" + values.get(directive) + "' is ignored: Vigil was not"
                    + " started as root, so it and the commands it starts run as itself (uid " + self + "), as Nagios"
                    + " does (expected to be started as root to run as " + r.user().user() + ")");
        }
    }

    /** A resolved user, or the directive that cannot be resolved and why; null when neither is written. */
    private record Resolved(DaemonUser user, String directive, String problem) {

        static Resolved failed(String directive, String problem) {
            return new Resolved(null, directive, problem);
        }
    }

    private static Resolved resolve(String userValue, String groupValue, Accounts accounts) {
        if (userValue == null && groupValue == null) {
            return null;
        }
        String userName = userValue == null ? NAGIOS_DEFAULT_USER : userValue;
        Optional<Accounts.User> entry = accounts.user(userName);
        int uid;
        if (Accounts.isNumber(userName)) {
            uid = Integer.parseInt(userName);
        } else if (entry.isPresent()) {
            uid = entry.get().uid();
        } else if (userValue == null) {
            return Resolved.failed("nagios_group", "nagios_group is written without nagios_user, so Vigil runs as"
                    + " Nagios's default user '" + NAGIOS_DEFAULT_USER + "', which this system does not have"
                    + " (expected nagios_user naming the user to run as)");
        } else {
            return Resolved.failed("nagios_user", "nagios_user '" + userValue + "' is not a user of this system"
                    + " (expected a user name that 'getent passwd' knows, or a numeric uid)");
        }
        int gid;
        if (groupValue == null) {
            if (entry.isEmpty()) {
                return Resolved.failed("nagios_user", "nagios_user " + userName + " has no passwd entry to take a"
                        + " group from (expected nagios_group naming the group to run as)");
            }
            gid = entry.get().gid();
        } else if (Accounts.isNumber(groupValue)) {
            gid = Integer.parseInt(groupValue);
        } else {
            Optional<Integer> group = accounts.group(groupValue);
            if (group.isEmpty()) {
                return Resolved.failed("nagios_group", "nagios_group '" + groupValue + "' is not a group of this"
                        + " system (expected a group name that 'getent group' knows, or a numeric gid)");
            }
            gid = group.get();
        }
        return new Resolved(new DaemonUser(entry.map(Accounts.User::name).orElse(userName), uid, gid,
                groups(entry, gid, accounts)), null, null);
    }

    /** {@code initgroups(user, gid)}: the gid, then the groups the user is a member of. */
    private static List<Integer> groups(Optional<Accounts.User> entry, int gid, Accounts accounts) {
        List<Integer> groups = new ArrayList<>(List.of(gid));
        if (entry.isPresent()) {
            for (int g : accounts.groupsOf(entry.get().name())) {
                if (g != entry.get().gid() && !groups.contains(g)) {
                    groups.add(g);
                }
            }
        }
        return groups;
    }
}
