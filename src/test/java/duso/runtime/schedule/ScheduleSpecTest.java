package duso.runtime.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import duso.lang.errors.DusoError;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Spec parsing and first/next run computation against a fixed "now" and zone. */
class ScheduleSpecTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 1, 31, 10, 30, 0, 0, PARIS);

    private static ZonedDateTime at(int y, int mo, int d, int h, int mi) {
        return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, PARIS);
    }

    private static ZonedDateTime first(String spec) {
        return ScheduleSpec.parse(spec, NOW).firstFire(NOW);
    }

    @Test
    void plainIntervalFirstFiresOneStepFromNow() {
        assertEquals(NOW.plusSeconds(30), first("30s"));
        assertEquals(NOW.plusMinutes(5), first("5min"));
        assertEquals(NOW.plusDays(14), first("2weeks"));
    }

    @Test
    void monthsClampToTheEndOfShorterMonths() {
        ScheduleSpec spec = ScheduleSpec.parse("2026-01-31 09:00 1mo", NOW);
        ZonedDateTime feb = spec.firstFire(NOW);
        assertEquals(at(2026, 2, 28, 9, 0), feb);
        assertEquals(at(2026, 3, 28, 9, 0), spec.every().after(feb));
        assertEquals(at(2029, 2, 28, 0, 0),
                ScheduleSpec.parse("2028-02-29 1y", NOW).every().after(at(2028, 2, 29, 0, 0)));
    }

    @Test
    void pastAnchorsAreFastForwardedPastNow() {
        assertEquals(at(2026, 2, 1, 6, 0), first("2020-03-01 06:00 1D"));
        assertEquals(at(2026, 1, 31, 10, 30).plusSeconds(1), first("2000-01-01 00:00 1s"));
        assertEquals(at(2026, 1, 31, 11, 0), first("2026-01-31 09:00 1h"));
    }

    @Test
    void dateAndTimeAloneAreOneShotsInTheServersZone() {
        ScheduleSpec timeOnly = ScheduleSpec.parse("06:00", NOW);
        assertNull(timeOnly.every());
        assertEquals(at(2026, 1, 31, 6, 0), timeOnly.firstFire(NOW)); // already past: fires at once
        assertEquals(at(2026, 8, 2, 0, 0), first("2026/08/02"));
        assertEquals(at(2026, 3, 3, 0, 0), first("2026-02-31")); // Go's time.Date rolls the day over
        assertEquals(first("1D 06:00"), first("06:00 1D"));
    }

    @Test
    void offsetsCountFromNow() {
        assertEquals(NOW.plusSeconds(30), first("+30s"));
        ScheduleSpec daily = ScheduleSpec.parse("+2h 1D", NOW);
        assertEquals(NOW.plusHours(2), daily.firstFire(NOW));
        assertEquals("1D", daily.every().text());
    }

    @Test
    void daysKeepTheWallClockAcrossDaylightSaving() {
        ZonedDateTime beforeSpringForward = at(2026, 3, 28, 6, 0);
        Interval day = ScheduleSpec.interval("1d");
        assertEquals(at(2026, 3, 29, 6, 0), day.after(beforeSpringForward));
        // 24 hours are 24 real hours: the clock has moved on by one more.
        assertEquals(at(2026, 3, 29, 7, 0), ScheduleSpec.interval("24h").after(beforeSpringForward));
    }

    @Test
    void fractionsOfFixedUnitsAreHonoured() {
        assertEquals(NOW.plusNanos(500_000_000), first("0.5s"));
        assertEquals(NOW.plusMinutes(90), first("1.5h"));
        assertEquals("1.5h", ScheduleSpec.interval("1.5h").text());
        assertEquals(NOW.plusDays(1), first("1.9D")); // calendar units step whole units
    }

    @Test
    void stepsThatDoNotAdvanceAreRefused() {
        DusoError e = assertThrows(DusoError.class, () -> ScheduleSpec.parse("0.5D", NOW));
        assertEquals("invalid interval \"0.5D\" - count must be positive", e.messageText());
        assertEquals(NOW, first("+0.5D")); // a zero offset is just "now"
    }

    @Test
    void unitWordsAndTheirCanonicalForms() {
        assertEquals("1M", ScheduleSpec.interval("1Mon").text());
        assertEquals("1m", ScheduleSpec.interval("1M").text());
        assertEquals("1m", ScheduleSpec.interval("1MIN").text());
        assertEquals("0.7000000000000001D", ScheduleSpec.interval("0.1w").text());
        DusoError e = assertThrows(DusoError.class, () -> ScheduleSpec.interval("1e5s"));
        assertEquals("invalid interval \"1e5s\" - expected a count followed by a unit (e.g. \"30s\", \"1day\", \"2mo\", \"1yr\")",
                e.messageText());
    }
}
