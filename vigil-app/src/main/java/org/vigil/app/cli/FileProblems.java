package org.vigil.app.cli;

import java.nio.file.AccessDeniedException;

/**
 * A file error in words for the user. Java's {@link AccessDeniedException} says only the path; after a start as
 * root switched to {@code nagios_user}, files and directories a root run left are the usual cause, so it says so.
 */
final class FileProblems {

    private FileProblems() {
    }

    static String describe(Exception e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied to user " + System.getProperty("user.name")
                    + " (expected a file and directory that user may write: Vigil runs as nagios_user when started as"
                    + " root, so chown what an earlier run as root left there)";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
