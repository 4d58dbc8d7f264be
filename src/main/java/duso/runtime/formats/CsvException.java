package duso.runtime.formats;

/** CSV that cannot be read or written, worded as Go's {@code encoding/csv} errors. */
public final class CsvException extends RuntimeException {
    CsvException(String message) {
        super(message, null, false, false);
    }
}
