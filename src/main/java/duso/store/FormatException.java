package duso.store;

/**
 * Bytes that do not decode as a datastore value, record, snapshot or log: the message is the
 * reason in the reference's words. Thrown without a stack trace; callers add context
 * (which file, which record) and turn it into a script-facing error.
 */
final class FormatException extends RuntimeException {
    FormatException(String message) {
        super(message, null, false, false);
    }
}
