package duso.client;

/**
 * The reference's incoming-message limit for WebSockets: a token bucket refilled at the
 * configured rate and holding at most two seconds' worth. A message without a token is dropped;
 * ten drops in a row close the connection, and any admitted message resets that count.
 */
final class RateLimit {
    enum Verdict { ADMIT, DROP, CLOSE }

    private static final int DROPS_BEFORE_CLOSE = 10;

    private final int perSecond;
    private double tokens;
    private long last;
    private int drops;

    RateLimit(int perSecond) {
        this.perSecond = perSecond;
    }

    synchronized Verdict admit() {
        long now = System.nanoTime();
        if (last == 0) {
            last = now;
            tokens = perSecond - 1;
            return Verdict.ADMIT;
        }
        tokens = Math.min(tokens + (now - last) / 1e9 * perSecond, perSecond * 2.0);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            drops = 0;
            return Verdict.ADMIT;
        }
        return ++drops >= DROPS_BEFORE_CLOSE ? Verdict.CLOSE : Verdict.DROP;
    }
}
