package duso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * now() is the local wall clock read as UTC (duso.runtime.time.LocalClock): with TZ naming UTC
 * it is the Unix time and the time-zone database is never loaded; with another zone it is
 * shifted by that zone's offset. Real child processes, since TZ is read from the environment.
 */
class LocalClockIT {
    /** now() minus timestamp(), which is true UTC; the two may straddle a second. */
    private static final String SHIFT = "d = now() - timestamp()\nprint(d >= OFFSET - 1 and d <= OFFSET + 1)";

    @Test
    void utcNeedsNoZoneDatabase() throws Exception {
        LauncherIT.Run r = LauncherIT.launch(Map.of("TZ", "UTC", "DUSO_JAVA_OPTS", "-Xlog:class+load=info:stdout"),
                "eval", SHIFT.replace("OFFSET", "0"));
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.equals("true")), r.out());
        assertFalse(r.out().contains("java.time.zone.TzdbZoneRulesProvider"), "the zone database was loaded");
    }

    @Test
    void emptyTzIsUtcAsInGo() throws Exception {
        LauncherIT.Run r = LauncherIT.launch(Map.of("TZ", ""), "eval", SHIFT.replace("OFFSET", "0"));
        assertEquals("true\n", r.out());
    }

    @Test
    void anotherZoneShiftsByItsOffset() throws Exception {
        // India keeps +05:30 all year, so the expected shift does not depend on the date.
        LauncherIT.Run r = LauncherIT.launch(Map.of("TZ", "Asia/Kolkata"), "eval", SHIFT.replace("OFFSET", "19800"));
        assertEquals("true\n", r.out());
    }
}
