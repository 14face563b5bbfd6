package org.vigil.engine.daemon;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Says why a file could not be written, for the log and the health checks: Java's file exceptions carry only a
 * path as their message ({@code AccessDeniedException: /var/vigil}), which reads as no reason at all.
 */
final class WriteFailure {

    private WriteFailure() {
    }

    /** {@code file}: what went wrong with which path, without a stack trace. */
    static String describe(Path file, Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof FileSystemException)) {
            cause = cause.getCause();
        }
        String why;
        if (cause instanceof FileSystemException f) {
            String where = f.getFile() == null ? String.valueOf(file) : f.getFile();
            if (f instanceof AccessDeniedException) {
                why = "permission denied: " + where;
            } else if (f instanceof NoSuchFileException) {
                why = "no such file or directory: " + where;
            } else if (f instanceof NotDirectoryException) {
                why = "not a directory: " + where;
            } else if (f instanceof FileAlreadyExistsException) {
                why = "a file is in the way: " + where + " exists and is not a directory";
            } else {
                why = where + ": " + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
            }
        } else if (cause instanceof OutOfMemoryError) {
            why = "out of memory (" + cause.getMessage() + ")";
        } else {
            why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
        return file + ": " + why;
    }
}
