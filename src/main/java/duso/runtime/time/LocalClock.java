package duso.runtime.time;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The local wall-clock time read as if it were UTC, which is what the reference's {@code now()}
 * returns.
 *
 * <p>Most machines that run scripts keep their clock in UTC, and finding that out through
 * java.time loads the time-zone database: about 160 classes and 5 MB, 70 ms of a cold
 * process. So the local zone is first decided the way Go decides it: {@code TZ} unset means
 * {@code /etc/localtime}, and its absence means UTC; {@code TZ} empty or {@code UTC} means UTC.
 * When that names UTC (or a link to one of its aliases), the offset is zero without java.time;
 * any other zone is left to the JVM's default zone, as before.
 */
public final class LocalClock {
    private static final String[] UTC_NAMES = {"UTC", "UCT", "Universal", "Zulu", "GMT", "GMT0", "GMT+0", "GMT-0",
        "Greenwich"};

    private LocalClock() {}

    /** Seconds since the epoch of the local wall clock read as UTC. */
    public static long nowSeconds() {
        if (Utc.LOCAL_IS_UTC) {
            return Instant.now().getEpochSecond();
        }
        return LocalDateTime.now().toEpochSecond(ZoneOffset.UTC);
    }

    /** Decided once, on first use: the zone a process runs in does not change. */
    private static final class Utc {
        static final boolean LOCAL_IS_UTC = localIsUtc(System.getenv("TZ"), Path.of("/etc/localtime"));
    }

    /** Whether Go would take the local zone to be UTC (false when unsure: java.time decides then). */
    static boolean localIsUtc(String tz, Path localtime) {
        if (tz != null) {
            String name = tz.startsWith(":") ? tz.substring(1) : tz;
            return name.isEmpty() || isUtcName(name);
        }
        try {
            Path target = Files.readSymbolicLink(localtime);
            return isUtcName(target.toString());
        } catch (NoSuchFileException e) {
            return true; // no /etc/localtime: Go falls back to UTC
        } catch (IOException e) {
            return false; // a regular file, or unreadable: let java.time read it
        }
    }

    /** A zone name or zoneinfo path that is UTC under another name ({@code Etc/UTC}, {@code /usr/share/zoneinfo/Zulu}). */
    static boolean isUtcName(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        for (String utc : UTC_NAMES) {
            if (last.equals(utc)) {
                return name.equals(last) || name.endsWith("/Etc/" + last) || name.equals("Etc/" + last)
                        || name.endsWith("zoneinfo/" + last);
            }
        }
        return false;
    }
}
