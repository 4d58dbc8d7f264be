package duso.runtime.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go layouts: which text is a field, how each field prints, and the calendar behind them. */
class GoTimeFormatTest {
    /** 2000-02-29 03:04:05 UTC, a Tuesday, day 60 of the year. */
    private static final long TS = 951793445L;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "2006-01-02 15:04:05|2000-02-29 03:04:05",
        "Mon Jan _2 15:04:05 MST 2006|Tue Feb 29 03:04:05 UTC 2000",
        "Monday, January 2|Tuesday, February 29",
        "3:04:05 PM pm|3:04:05 AM am",
        "1/2/06|2/29/00",
        "002 __2|060  60",
        "Z07:00 Z0700 Z07 Z07:00:00 Z070000|Z Z Z Z Z",
        "-07:00 -0700 -07 -07:00:00 -070000|+00:00 +0000 +00 +00:00:00 +000000",
        "05.000 05,000000000 05.0000000000|05.000 05,000000000 05.000000000",
        "05.999|05",
        ".99x|x",
        "v1.0|v2.0",
        "Janet Monk Mon_|Janet Monk Tue_",
        "_2006 __2006|_2000  60000",
        "PM Pm pM|AM Pm pM",
        "15h04|03h04",
        "é 2006 ü|é 2000 ü",
    })
    void layoutFields(String layout, String expected) {
        assertEquals(expected, GoTimeFormat.format(TS, layout));
    }

    @Test
    void yearsPadToFourDigitsAndKeepTheirSign() {
        assertEquals("0001-01-01", GoTimeFormat.format(-62135596800L, "2006-01-02"));
        assertEquals("-0001 01", GoTimeFormat.format(-62198755200L, "2006 06"));
        assertEquals("10000", GoTimeFormat.format(253402300800L, "2006"));
    }

    @Test
    void calendarMatchesJavaTimeAcrossTheRange() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 50_000; i++) {
            long s = r.nextLong(-100_000_000_000L, 100_000_000_000L);
            ZonedDateTime z = Instant.ofEpochSecond(s).atZone(ZoneOffset.UTC);
            CivilTime c = CivilTime.ofEpochSecond(s);
            assertEquals(z.getYear(), c.year(), "year of " + s);
            assertEquals(z.getMonthValue(), c.month());
            assertEquals(z.getDayOfMonth(), c.day());
            assertEquals(z.getDayOfYear(), c.yday());
            assertEquals(z.getDayOfWeek().getValue() % 7, c.weekday());
            assertEquals(z.getHour() * 3600 + z.getMinute() * 60 + z.getSecond(),
                    c.hour() * 3600 + c.minute() * 60 + c.second());
            assertEquals(s, CivilTime.epochSecond(c.year(), c.month(), c.day(), c.hour(), c.minute(), c.second()));
        }
    }
}
