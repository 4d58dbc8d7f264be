package duso.runtime.json;

/**
 * Why a value could not be written as JSON or a text could not be read as JSON, worded as the
 * reference's encoder and decoder word it ({@code expected object key at offset 1}). Callers add
 * their own prefix ({@code parse_json() failed to parse JSON: }). Carries no Java stack trace:
 * scripts parse untrusted input and catch these routinely.
 */
public final class JsonException extends RuntimeException {
    public JsonException(String message) {
        super(message, null, false, false);
    }
}
