package duso.client;

/**
 * A transport failure, worded as Go's net/http words it ({@code dial tcp 127.0.0.1:1: connect:
 * connection refused}, {@code context deadline exceeded}). fetch() adds the reference's prefix:
 * a failure before the response headers arrived is wrapped with the method and URL (Go's
 * url.Error), one while reading the body is not.
 */
final class FetchFailure extends Exception {
    private final boolean duringBody;

    FetchFailure(String goMessage) {
        this(goMessage, false);
    }

    FetchFailure(String goMessage, boolean duringBody) {
        super(goMessage, null, false, false);
        this.duringBody = duringBody;
    }

    /** True when the headers had arrived and the body could not be read. */
    boolean duringBody() {
        return duringBody;
    }

    FetchFailure inBody() {
        return duringBody ? this : new FetchFailure(getMessage(), true);
    }
}
