package duso.runtime.time;

import duso.runtime.time.GoLayout.Chunk;
import duso.runtime.time.GoLayout.Std;

/**
 * Go's {@code Time.Format} for a whole-second UTC instant (what format_time formats): zone
 * name "UTC", offset zero, so zone fields print {@code Z}, {@code +0000} or {@code UTC}.
 */
public final class GoTimeFormat {
    private GoTimeFormat() {}

    public static String format(long epochSecond, String layout) {
        CivilTime t = CivilTime.ofEpochSecond(epochSecond);
        StringBuilder b = new StringBuilder(layout.length() + 10);
        int pos = 0;
        while (pos < layout.length()) {
            Chunk c = GoLayout.next(layout, pos);
            b.append(layout, pos, c.start());
            if (c.std() == Std.NONE) {
                break;
            }
            pos = c.end();
            append(b, t, c);
        }
        return b.toString();
    }

    private static void append(StringBuilder b, CivilTime t, Chunk c) {
        int hour12 = t.hour() % 12 == 0 ? 12 : t.hour() % 12;
        switch (c.std()) {
            case YEAR -> appendInt(b, Math.abs(t.year()) % 100, 2);
            case LONG_YEAR -> appendInt(b, t.year(), 4);
            case MONTH -> b.append(GoLayout.SHORT_MONTHS[t.month() - 1]);
            case LONG_MONTH -> b.append(GoLayout.LONG_MONTHS[t.month() - 1]);
            case NUM_MONTH -> appendInt(b, t.month(), 0);
            case ZERO_MONTH -> appendInt(b, t.month(), 2);
            case WEEKDAY -> b.append(GoLayout.SHORT_DAYS[t.weekday()]);
            case LONG_WEEKDAY -> b.append(GoLayout.LONG_DAYS[t.weekday()]);
            case DAY -> appendInt(b, t.day(), 0);
            case UNDER_DAY -> {
                if (t.day() < 10) {
                    b.append(' ');
                }
                appendInt(b, t.day(), 0);
            }
            case ZERO_DAY -> appendInt(b, t.day(), 2);
            case UNDER_YEAR_DAY -> {
                if (t.yday() < 100) {
                    b.append(t.yday() < 10 ? "  " : " ");
                }
                appendInt(b, t.yday(), 0);
            }
            case ZERO_YEAR_DAY -> appendInt(b, t.yday(), 3);
            case HOUR -> appendInt(b, t.hour(), 2);
            case HOUR12 -> appendInt(b, hour12, 0);
            case ZERO_HOUR12 -> appendInt(b, hour12, 2);
            case MINUTE -> appendInt(b, t.minute(), 0);
            case ZERO_MINUTE -> appendInt(b, t.minute(), 2);
            case SECOND -> appendInt(b, t.second(), 0);
            case ZERO_SECOND -> appendInt(b, t.second(), 2);
            case PM_UPPER -> b.append(t.hour() >= 12 ? "PM" : "AM");
            case PM_LOWER -> b.append(t.hour() >= 12 ? "pm" : "am");
            case TZ -> b.append("UTC");
            case FRAC_SECOND_0 -> {
                if (c.digits() > 0) { // whole seconds: the fraction is all zeros
                    b.append(c.separator()).append("0".repeat(Math.min(c.digits(), 9)));
                }
            }
            case FRAC_SECOND_9 -> {
                // trailing zeros are dropped, so a zero fraction prints nothing
            }
            default -> appendZone(b, c.std());
        }
    }

    /** Numeric and ISO 8601 zones at offset zero ("Z" where the ISO forms allow it). */
    private static void appendZone(StringBuilder b, Std std) {
        if (std.isIsoZone()) {
            b.append('Z');
            return;
        }
        b.append("+00");
        switch (std) {
            case NUM_TZ -> b.append("00");
            case NUM_SECONDS_TZ -> b.append("0000");
            case NUM_COLON_TZ -> b.append(":00");
            case NUM_COLON_SECONDS_TZ -> b.append(":00:00");
            default -> {
                // NUM_SHORT_TZ: hours only
            }
        }
    }

    /** Go's appendInt: decimal, zero-padded to width, with the sign before the padding. */
    static void appendInt(StringBuilder b, long x, int width) {
        if (x < 0) {
            b.append('-');
            x = -x;
        }
        String digits = Long.toUnsignedString(x);
        for (int pad = width - digits.length(); pad > 0; pad--) {
            b.append('0');
        }
        b.append(digits);
    }
}
