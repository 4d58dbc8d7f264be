package duso.client;

/**
 * Sends one request hop and reads its whole response (redirects, gzip and errors are the
 * caller's, {@link HttpEngine}). Two implementations: the lean HTTP/1.1 client for http://, the
 * JDK client for https:// (HTTP/2 negotiated by ALPN, as Go's client does).
 */
interface Transport {
    /**
     * @param addGzip whether to ask for gzip (the caller then decodes it)
     * @throws FetchFailure with Go's wording; interrupts are raised as script errors
     */
    Http1Codec.Response roundTrip(OutgoingRequest request, boolean addGzip, CallControl ctl) throws FetchFailure;

    /** Releases pooled connections (runtime shutdown). */
    void shutdown();
}
