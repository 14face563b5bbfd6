package org.vigil.engine.retention;

import java.sql.SQLException;
import java.util.Locale;

/** Turns what a driver threw into a {@link RetentionProblem} a user can act on. */
final class Problems {

    private static final String MOVE_ASIDE = "move the file aside, e.g. 'mv %1$s %1$s.damaged', and start again:"
            + " every object then starts PENDING; the file is left as it is for inspection";

    private Problems() {
    }

    static RetentionProblem opening(String where, boolean embedded, SQLException e) {
        String why = firstLine(e);
        String lower = why.toLowerCase(Locale.ROOT);
        if (lower.startsWith("no suitable driver")) {
            return new RetentionProblem(where, "no JDBC driver for this URL is on the class path",
                    "use a jdbc:h2:file: or jdbc:postgresql: URL; Vigil ships the drivers for both");
        }
        if (embedded) {
            return switch (e.getErrorCode()) {
                case 90020 -> new RetentionProblem(where, "the retention database is in use by another process",
                        "stop the other Vigil using it, or give this one its own state_retention_file");
                case 90048 -> new RetentionProblem(where, "the file is not in a format this Vigil can read: " + why,
                        String.format(MOVE_ASIDE, where));
                case 28000 -> new RetentionProblem(where, "the retention database refused the user name or password",
                        "give the credentials the database was created with, or move it aside");
                case 90113 -> new RetentionProblem(where, "the JDBC URL has a setting H2 does not know: " + why,
                        "remove or correct that setting in the URL");
                case 90030 -> new RetentionProblem(where, "the retention database is damaged: " + why,
                        String.format(MOVE_ASIDE, where));
                case 90028, 90031 -> hasCause(e, java.io.EOFException.class)
                        ? new RetentionProblem(where, "the file is too short to be a retention database"
                                + " (it is not an H2 database, or it was cut short)", String.format(MOVE_ASIDE, where))
                        : embeddedDefault(where, why, lower);
                default -> embeddedDefault(where, why, lower);
            };
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return new RetentionProblem(where, "cannot connect to PostgreSQL: " + why,
                    "check that the server runs and the host, port and database in the JDBC URL are right");
        }
        if (state.startsWith("28")) {
            return new RetentionProblem(where, "PostgreSQL refused the user name or password: " + why,
                    "fix the user and password in the JDBC URL");
        }
        if (state.equals("3D000")) {
            return new RetentionProblem(where, "the database does not exist: " + why,
                    "create it (createdb), or name an existing one in the JDBC URL");
        }
        return new RetentionProblem(where, "cannot open the retention database: " + why,
                "check the JDBC URL and the database server's log");
    }

    private static RetentionProblem embeddedDefault(String where, String why, String lower) {
        if (lower.contains("corrupt") || lower.contains("file header") || lower.contains("not a valid")) {
            return new RetentionProblem(where, "the retention database is damaged: " + why,
                    String.format(MOVE_ASIDE, where));
        }
        if (lower.contains("notdirectory") || lower.contains("not a directory")) {
            return new RetentionProblem(where, "a file stands where the retention database's directory should be: " + why,
                    "point state_retention_file into a directory, or move that file away");
        }
        if (lower.contains("accessdenied") || lower.contains("permission") || lower.contains("read only")
                || lower.contains("read-only")) {
            return new RetentionProblem(where, "cannot read and write the retention database: " + why,
                    "let the user Vigil runs as read and write this file and its directory");
        }
        return new RetentionProblem(where, "cannot open the retention database: " + why, String.format(MOVE_ASIDE, where));
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static RetentionProblem writing(String where, SQLException e) {
        return new RetentionProblem(where, "cannot write retained state: " + withoutDriverWrapping(e),
                "check free disk space and the database; changes are kept in memory and written again at the next interval");
    }

    static RetentionProblem reading(String where, Exception e) {
        return new RetentionProblem(where, "cannot read retained state: " + firstLine(e), String.format(MOVE_ASIDE, where));
    }

    static RetentionProblem tooNew(String where, long found) {
        return new RetentionProblem(where, "the retention database has schema version " + found
                + " but this Vigil knows versions up to " + Schema.CURRENT + "; it was written by a newer Vigil",
                "run the newer Vigil, or move the database aside to start with fresh state");
    }

    /**
     * The message of the I/O error underneath H2's wrapping when there is one ({@code File too large}, {@code No space
     * left on device}): H2 reports it as {@code General error: "org.h2.mvstore.MVStoreException: Writing to
     * sun.nio.ch.FileChannelImpl@514d3ab7 failed; ..."}, which names no cause.
     */
    static String withoutDriverWrapping(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getMessage() != null) {
                return "the file cannot be written: " + firstLine(t);
            }
        }
        return firstLine(e);
    }

    /** The driver's message without stack, SQL text or H2's error-code suffix. */
    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        m = m.replaceAll(" ?\\[\\d{5}-\\d+]$", "").replaceAll(";SQL statement:.*$", "")
                .replace(" Possible solution: use the recovery tool", "");
        return m.length() > 300 ? m.substring(0, 300) + "..." : m.strip();
    }
}
