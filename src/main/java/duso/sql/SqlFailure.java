package duso.sql;

/**
 * A database error already worded as the Go drivers word it; {@link SqlDatabase} prefixes it
 * with the operation ("query error: …"). Carries no stack trace: it is a script-level error.
 */
final class SqlFailure extends RuntimeException {
    SqlFailure(String message) {
        super(message, null, false, false);
    }
}
