package org.vigil.config.main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The system's users and groups, looked up as Nagios's {@code getpwnam}, {@code getgrnam} and {@code initgroups} do
 * (through NSS, so LDAP and sssd accounts count): by {@code getent} and {@code id}, which Java cannot ask for itself.
 */
public class Accounts {

    /** A passwd entry. */
    public record User(String name, int uid, int gid) {
    }

    /** The passwd entry of a user name or numeric uid, if there is one. */
    public Optional<User> user(String nameOrUid) {
        return getent("passwd", nameOrUid).filter(f -> f.length >= 4 && isNumber(f[2]) && isNumber(f[3]))
                .map(f -> new User(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3])));
    }

    /** The gid of a group name or number, if the group database has it. */
    public Optional<Integer> group(String nameOrGid) {
        return getent("group", nameOrGid).filter(f -> f.length >= 3 && isNumber(f[2]))
                .map(f -> Integer.parseInt(f[2]));
    }

    /** Every group {@code user} belongs to, its passwd group first ({@code id -G}, which is getgrouplist). */
    public List<Integer> groupsOf(String user) {
        List<Integer> groups = new ArrayList<>();
        for (String g : run("id", "-G", "--", user).orElse("").strip().split("\\s+")) {
            if (isNumber(g)) {
                groups.add(Integer.parseInt(g));
            }
        }
        return groups;
    }

    /**
     * The uid this process runs as: the owner of {@code /proc/self}, which the kernel gives the process's user
     * ({@code -1} where there is no /proc).
     */
    public int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Optional<String[]> getent(String database, String key) {
        if (key.isEmpty() || key.startsWith("-")) {
            return Optional.empty();
        }
        return run("getent", database, key).map(line -> line.strip().split(":", -1));
    }

    /** The output of a lookup that exits 0, else empty (not found, or the tool is missing). */
    private static Optional<String> run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 && !out.isBlank() ? out.lines().findFirst() : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
