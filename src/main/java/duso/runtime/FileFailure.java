package duso.runtime;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, sorted into the reference's categories (Go's
 * {@code fs.ErrNotExist}, {@code ErrPermission}, {@code ErrExist}, anything else), and
 * described the way its file builtins word them: {@code file not found at PATH},
 * {@code permission denied at PATH}, {@code already exists at PATH}, or Go's own error text
 * followed by {@code (at PATH)}.
 */
public final class FileFailure extends Exception {
    /** The reference's categories of file errors. */
    public enum Cause { NOT_FOUND, PERMISSION, EXISTS, OTHER }

    private final Cause cause;
    private final String text;

    public FileFailure(Cause cause, String text) {
        super(text, null, false, false);
        this.cause = cause;
        this.text = text;
    }

    public Cause kind() {
        return cause;
    }

    /** Go's error text ({@code open x: no such file or directory}). */
    public String text() {
        return text;
    }

    /** The reference's short description, naming the path it resolved to. */
    public String describe(String resolved) {
        return switch (cause) {
            case NOT_FOUND -> "file not found at " + resolved;
            case PERMISSION -> "permission denied at " + resolved;
            case EXISTS -> "already exists at " + resolved;
            case OTHER -> text + " (at " + resolved + ")";
        };
    }

    public static FileFailure notFound(String op, String path) {
        return new FileFailure(Cause.NOT_FOUND, op + " " + path + ": no such file or directory");
    }

    public static FileFailure other(String text) {
        return new FileFailure(Cause.OTHER, text);
    }

    /** A Java I/O error as the Go operation {@code op} on {@code path} would have reported it. */
    public static FileFailure of(IOException e, String op, String path) {
        if (e instanceof NoSuchFileException) {
            return notFound(op, path);
        }
        if (e instanceof AccessDeniedException) {
            return new FileFailure(Cause.PERMISSION, op + " " + path + ": permission denied");
        }
        if (e instanceof FileAlreadyExistsException) {
            return new FileFailure(Cause.EXISTS, op + " " + path + ": file exists");
        }
        if (e instanceof DirectoryNotEmptyException) {
            // Go's ENOTEMPTY counts as fs.ErrExist: "already exists at …".
            return new FileFailure(Cause.EXISTS, op + " " + path + ": directory not empty");
        }
        if (e instanceof NotDirectoryException) {
            return other(op + " " + path + ": not a directory");
        }
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        if (reason == null || reason.isEmpty()) {
            reason = e.getClass().getSimpleName();
        }
        // The OS's strerror text, in Go's spelling (lower-case first letter).
        reason = Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        if (reason.equals("directory not empty") || reason.equals("file exists")) {
            return new FileFailure(Cause.EXISTS, op + " " + path + ": " + reason);
        }
        return other(op + " " + path + ": " + reason);
    }
}
