package duso.runtime.time;

import static duso.runtime.time.GoTimeParse.quote;

import duso.runtime.time.GoLayout.Chunk;
import duso.runtime.time.GoLayout.Std;
import duso.runtime.time.GoTimeParse.Failure;

/**
 * One run of Go's {@code time.Parse}: walks the layout's fields, reads each from the value,
 * checks ranges in Go's order (a range error wins over a mismatch) and builds the instant.
 * Messages follow Go's {@code ParseError} exactly.
 */
final class TimeParser {
    private final String layout;
    private final String original;
    private final ValueReader in;

    private long year;
    private int month = -1;
    private int day = -1;
    private int yday = -1;
    private int hour;
    private int minute;
    private int second;
    private int zoneOffset;
    private boolean haveOffset;
    /** An explicit UTC zone ("Z", "UTC"), which wins over any numeric offset. */
    private boolean utc;
    private boolean pm;
    private boolean am;
    private String rangeError;

    TimeParser(String layout, String value) {
        this.layout = layout;
        this.original = value;
        this.in = new ValueReader(value);
    }

    private Failure cannotParse(String valueElem, String layoutElem) {
        return new Failure("parsing time " + quote(original) + " as " + quote(layout) + ": cannot parse "
                + quote(valueElem) + " as " + quote(layoutElem));
    }

    private Failure message(String text) {
        return new Failure("parsing time " + quote(original) + text);
    }

    long run() throws Failure {
        int pos = 0;
        while (true) {
            Chunk c = GoLayout.next(layout, pos);
            String prefix = layout.substring(pos, c.start());
            if (!in.skip(prefix)) {
                throw cannotParse(in.rest(), prefix);
            }
            if (c.std() == Std.NONE) {
                if (!in.isEmpty()) {
                    throw message(": extra text: " + quote(in.rest()));
                }
                break;
            }
            pos = c.end();
            String hold = in.rest();
            boolean ok = field(c);
            if (rangeError != null) {
                throw message(": " + rangeError + " out of range");
            }
            if (!ok) {
                throw cannotParse(hold, layout.substring(c.start(), c.end()));
            }
        }
        return finish();
    }

    /** Parses one field from the front of value; false when it does not match. */
    private boolean field(Chunk c) {
        Std std = c.std();
        switch (std) {
            case YEAR -> {
                if (in.length() < 2) {
                    return false;
                }
                Integer y = ValueReader.atoi(in.rest().substring(0, 2));
                in.drop(2);
                if (y == null) {
                    return false;
                }
                year = y >= 69 ? y + 1900 : y + 2000;
            }
            case LONG_YEAR -> {
                if (in.length() < 4 || !in.isDigitAt(0)) {
                    return false;
                }
                Integer y = ValueReader.atoi(in.rest().substring(0, 4));
                in.drop(4);
                if (y == null) {
                    return false;
                }
                year = y;
            }
            case MONTH, LONG_MONTH -> {
                int m = in.lookup(std == Std.MONTH ? GoLayout.SHORT_MONTHS : GoLayout.LONG_MONTHS);
                if (m < 0) {
                    return false;
                }
                month = m + 1;
            }
            case NUM_MONTH, ZERO_MONTH -> {
                int m = in.getnum(std == Std.ZERO_MONTH);
                if (m < 0) {
                    return false;
                }
                month = m;
                if (m <= 0 || 12 < m) {
                    rangeError = "month";
                }
            }
            case WEEKDAY -> {
                return in.lookup(GoLayout.SHORT_DAYS) >= 0;
            }
            case LONG_WEEKDAY -> {
                return in.lookup(GoLayout.LONG_DAYS) >= 0;
            }
            case DAY, UNDER_DAY, ZERO_DAY -> {
                if (std == Std.UNDER_DAY && in.startsWith(" ")) {
                    in.drop(1);
                }
                day = in.getnum(std == Std.ZERO_DAY);
                return day >= 0;
            }
            case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
                for (int i = 0; i < 2; i++) {
                    if (std == Std.UNDER_YEAR_DAY && in.startsWith(" ")) {
                        in.drop(1);
                    }
                }
                yday = in.getnum3(std == Std.ZERO_YEAR_DAY);
                return yday >= 0;
            }
            case HOUR, HOUR12, ZERO_HOUR12 -> {
                int h = in.getnum(std == Std.ZERO_HOUR12);
                if (h < 0) {
                    return false;
                }
                hour = h;
                if (h >= (std == Std.HOUR ? 24 : 13)) {
                    rangeError = "hour";
                }
            }
            case MINUTE, ZERO_MINUTE -> {
                int m = in.getnum(std == Std.ZERO_MINUTE);
                if (m < 0) {
                    return false;
                }
                minute = m;
                if (m >= 60) {
                    rangeError = "minute";
                }
            }
            case SECOND, ZERO_SECOND -> {
                return seconds(std == Std.ZERO_SECOND, c.end());
            }
            case PM_UPPER, PM_LOWER -> {
                if (in.length() < 2) {
                    return false;
                }
                String p = in.rest().substring(0, 2);
                in.drop(2);
                boolean upper = std == Std.PM_UPPER;
                if (p.equals(upper ? "PM" : "pm")) {
                    pm = true;
                } else if (p.equals(upper ? "AM" : "am")) {
                    am = true;
                } else {
                    return false;
                }
            }
            case TZ -> {
                if (in.startsWith("UTC")) {
                    in.drop(3);
                    utc = true;
                    return true;
                }
                int n = in.zoneNameLength();
                if (n <= 0) {
                    return false;
                }
                in.drop(n); // the name's offset is not known: zero
            }
            case FRAC_SECOND_0 -> {
                int ndigit = 1 + c.digits();
                if (in.length() < ndigit) {
                    return false;
                }
                boolean ok = nanoseconds(ndigit);
                in.drop(ndigit);
                return ok;
            }
            case FRAC_SECOND_9 -> {
                if (in.length() < 2 || !ValueReader.isSeparator(in.charAt(0)) || !in.isDigitAt(1)) {
                    return true; // fraction omitted
                }
                int i = 0;
                while (i + 1 < in.length() && in.isDigitAt(i + 1)) {
                    i++;
                }
                boolean ok = nanoseconds(1 + i);
                in.drop(1 + i);
                return ok;
            }
            default -> {
                return zone(std);
            }
        }
        return true;
    }

    private boolean seconds(boolean fixed, int layoutPos) {
        second = in.getnum(fixed);
        if (second < 0) {
            second = 0;
            return false;
        }
        if (second >= 60) {
            rangeError = "second";
            return true;
        }
        // A fraction after the seconds is accepted even when the layout has none.
        if (in.length() >= 2 && ValueReader.isSeparator(in.charAt(0)) && in.isDigitAt(1)) {
            Std nextStd = GoLayout.next(layout, layoutPos).std();
            if (nextStd == Std.FRAC_SECOND_0 || nextStd == Std.FRAC_SECOND_9) {
                return true;
            }
            int n = 2;
            while (n < in.length() && in.isDigitAt(n)) {
                n++;
            }
            boolean ok = nanoseconds(n);
            in.drop(n);
            return ok;
        }
        return true;
    }

    private boolean zone(Std std) {
        if (std.isIsoZone() && in.startsWith("Z")) {
            in.drop(1);
            utc = true;
            return true;
        }
        String v = in.rest();
        String sign;
        String hh;
        String mm = "00";
        String ss = "00";
        switch (std) {
            case ISO8601_COLON_TZ, NUM_COLON_TZ -> {
                if (v.length() < 6 || v.charAt(3) != ':') {
                    return false;
                }
                sign = v.substring(0, 1);
                hh = v.substring(1, 3);
                mm = v.substring(4, 6);
                in.drop(6);
            }
            case NUM_SHORT_TZ, ISO8601_SHORT_TZ -> {
                if (v.length() < 3) {
                    return false;
                }
                sign = v.substring(0, 1);
                hh = v.substring(1, 3);
                in.drop(3);
            }
            case ISO8601_COLON_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> {
                if (v.length() < 9 || v.charAt(3) != ':' || v.charAt(6) != ':') {
                    return false;
                }
                sign = v.substring(0, 1);
                hh = v.substring(1, 3);
                mm = v.substring(4, 6);
                ss = v.substring(7, 9);
                in.drop(9);
            }
            case ISO8601_SECONDS_TZ, NUM_SECONDS_TZ -> {
                if (v.length() < 7) {
                    return false;
                }
                sign = v.substring(0, 1);
                hh = v.substring(1, 3);
                mm = v.substring(3, 5);
                ss = v.substring(5, 7);
                in.drop(7);
            }
            default -> {
                if (v.length() < 5) {
                    return false;
                }
                sign = v.substring(0, 1);
                hh = v.substring(1, 3);
                mm = v.substring(3, 5);
                in.drop(5);
            }
        }
        int h = ValueReader.twoDigits(hh);
        int m = h < 0 ? -1 : ValueReader.twoDigits(mm);
        int s = m < 0 ? -1 : ValueReader.twoDigits(ss);
        boolean ok = s >= 0;
        h = Math.max(h, 0);
        m = Math.max(m, 0);
        s = Math.max(s, 0);
        if (h > 24) {
            rangeError = "time zone offset hour";
        }
        if (m > 60) {
            rangeError = "time zone offset minute";
        }
        if (s > 60) {
            rangeError = "time zone offset second";
        }
        zoneOffset = (h * 60 + m) * 60 + s;
        haveOffset = true;
        switch (sign.charAt(0)) {
            case '+' -> {
                // east of UTC
            }
            case '-' -> zoneOffset = -zoneOffset;
            default -> ok = false;
        }
        return ok;
    }

    private long finish() throws Failure {
        if (pm && hour < 12) {
            hour += 12;
        } else if (am && hour == 12) {
            hour = 0;
        }
        if (yday >= 0) {
            int d = 0;
            int m = 0;
            if (CivilTime.isLeap(year)) {
                if (yday == 31 + 29) {
                    m = 2;
                    d = 29;
                } else if (yday > 31 + 29) {
                    yday--;
                }
            }
            if (yday < 1 || yday > 365) {
                throw message(": day-of-year out of range");
            }
            if (m == 0) {
                m = (yday - 1) / 31 + 1;
                if (daysBefore(m + 1) < yday) {
                    m++;
                }
                d = yday - daysBefore(m);
            }
            if (month >= 0 && month != m) {
                throw message(": day-of-year does not match month");
            }
            month = m;
            if (day >= 0 && day != d) {
                throw message(": day-of-year does not match day");
            }
            day = d;
        } else {
            if (month < 0) {
                month = 1;
            }
            if (day < 0) {
                day = 1;
            }
        }
        if (day < 1 || day > CivilTime.daysIn(month, year)) {
            throw message(": day out of range");
        }
        long t = CivilTime.epochSecond(year, month, day, hour, minute, second);
        return haveOffset && !utc ? t - zoneOffset : t;
    }

    /** Days before the first of month m in a non-leap year (m may be 13). */
    private static int daysBefore(int m) {
        int days = 0;
        for (int k = 1; k < m; k++) {
            days += CivilTime.daysIn(k, 1);
        }
        return days;
    }

    /** Validates a fraction of n bytes ("." and digits) at the front of value. */
    private boolean nanoseconds(int n) {
        if (!ValueReader.isSeparator(in.charAt(0))) {
            return false;
        }
        Integer ns = ValueReader.atoi(in.rest().substring(1, Math.min(n, 10)));
        if (ns != null && ns < 0) {
            rangeError = "fractional second";
        }
        return ns != null;
    }
}
