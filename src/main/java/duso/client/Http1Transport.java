package duso.client;

/**
 * The plain-HTTP transport: HTTP/1.1 over pooled keep-alive connections on blocking sockets.
 * A fetch runs entirely on the calling thread (a virtual thread for spawned scripts), so 5,000
 * concurrent fetches are 5,000 parked virtual threads and sockets, with no selector threads,
 * callbacks or per-request executors in between.
 *
 * <p>A pooled connection may have been closed by the server while idle. It is checked before
 * use, and if it still fails before any response byte arrives the request is sent again on a
 * new connection when Go would retry it (replayable methods, or nothing written).
 */
final class Http1Transport implements Transport {
    private final ConnectionPool pool = new ConnectionPool();
    private final ProxyConfig proxies;

    Http1Transport(ProxyConfig proxies) {
        this.proxies = proxies;
    }

    @Override
    public Http1Codec.Response roundTrip(OutgoingRequest req, boolean addGzip, CallControl ctl) throws FetchFailure {
        GoUrl proxy = proxies.proxyFor(req.url);
        GoUrl server = proxy != null ? proxy : req.url;
        String key = proxy != null ? "proxy " + server.host : server.host;
        byte[] head = Http1Codec.head(req, addGzip, proxy);
        while (true) {
            Http1Connection c = pooled(key);
            boolean reused = c != null;
            if (c == null) {
                c = connect(key, server, proxy != null, ctl);
            }
            ctl.attach(c);
            boolean keep = false;
            try {
                ctl.checkInterrupt();
                try {
                    c.write(head, req.body, ctl);
                } catch (FetchFailure f) {
                    if (reused && !ctl.expired()) {
                        continue; // nothing reached a live server: send again on a new connection
                    }
                    throw f;
                }
                boolean answered;
                try {
                    answered = c.awaitFirstByte(ctl);
                } catch (FetchFailure f) {
                    if (retryable(reused, req, ctl)) {
                        continue; // the server dropped the idle connection as we used it
                    }
                    throw f;
                }
                if (!answered) {
                    if (retryable(reused, req, ctl)) {
                        continue;
                    }
                    throw new FetchFailure("EOF");
                }
                Http1Codec.Response r = Http1Codec.read(c, req, ctl);
                keep = r.reusable() && !c.hasBuffered();
                return r;
            } finally {
                ctl.detach();
                if (keep) {
                    c.served++;
                    pool.put(c);
                } else {
                    c.close();
                }
            }
        }
    }

    private static Http1Connection connect(String key, GoUrl server, boolean viaProxy, CallControl ctl)
            throws FetchFailure {
        int port = server.port();
        if (port < 0) {
            throw new FetchFailure("dial tcp: address " + ByteStrings.toText(server.host) + ": invalid port");
        }
        try {
            return Http1Connection.open(key, ByteStrings.toText(server.hostname()), port, ctl);
        } catch (FetchFailure f) {
            throw !viaProxy || f.getMessage().equals(CallControl.DEADLINE_EXCEEDED) ? f
                    : new FetchFailure("proxyconnect tcp: " + f.getMessage());
        }
    }

    /**
     * Go resends a request whose pooled connection failed before any response byte when the
     * request is replayable and the call still has time.
     */
    private static boolean retryable(boolean reused, OutgoingRequest req, CallControl ctl) {
        return reused && req.replayable() && !ctl.expired() && !ctl.interrupted();
    }

    /** A pooled connection that still looks open, or null. */
    private Http1Connection pooled(String key) {
        while (true) {
            Http1Connection c = pool.take(key);
            if (c == null || c.stillOpen()) {
                return c;
            }
            c.close();
        }
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }
}
