package duso.server;

import duso.runtime.Console;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line per request on standard error, in the reference's Combined Log Format variant:
 * {@code IP - - [02/Jan/2006 15:04:05 -0700] "GET /a HTTP/1.1" 200 2 "referer" "agent"} —
 * a space, not a colon, between date and time, local time zone, "-" for a missing referer
 * or user agent, and the request line shortened so the whole line stays within 4 KiB.
 */
final class AccessLog {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss Z", Locale.US);
    private static final int MAX_LINE = 4096;

    private AccessLog() {}

    static String line(String remoteIp, String method, String uri, String proto, int status, long bytes,
            String referer, String userAgent, ZonedDateTime now) {
        String requestLine = method + " " + uri + " " + proto;
        String ref = referer == null || referer.isEmpty() ? "-" : referer;
        String ua = userAgent == null || userAgent.isEmpty() ? "-" : userAgent;
        String head = remoteIp + " - - [" + STAMP.format(now) + "] \"";
        String tail = "\" " + status + " " + bytes + " \"" + ref + "\" \"" + ua + "\"";
        int room = MAX_LINE - head.length() - tail.length();
        if (requestLine.length() > room && room > 3) {
            requestLine = requestLine.substring(0, room - 3) + "...";
        }
        return head + requestLine + tail + "\n";
    }

    static void write(Console console, String line) {
        console.err(line);
    }
}
