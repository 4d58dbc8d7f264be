package duso.runtime.time;

import duso.runtime.time.GoLayout.Chunk;
import duso.runtime.time.GoLayout.Std;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code time.Parse(layout, value)}: the instant as Unix seconds, or a {@link Failure}
 * carrying Go's exact error text ({@code parsing time "x" as "2006-01-02": cannot parse "x"
 * as "2006"}).
 *
 * <p>Go walks both strings as bytes; so does this class, on strings holding one char per
 * UTF-8 byte, converted back only for messages. A zone abbreviation other than "UTC" is taken
 * as offset zero, as Go does for names its local zone (UTC on a server) does not know.
 */
public final class GoTimeParse {
    private GoTimeParse() {}

    /** A value that does not match its layout, with Go's message. */
    public static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    public static long parse(String layoutText, String valueText) throws Failure {
        String layout = bytes(layoutText);
        String value = bytes(valueText);
        Parse p = new Parse(layout, value);
        return p.run();
    }

    /** One char per UTF-8 byte. */
    private static String bytes(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Go's quote() for time errors: printable ASCII kept, every other byte as \xNN. */
    static String quote(String byteString) {
        StringBuilder b = new StringBuilder(byteString.length() + 2).append('"');
        for (int i = 0; i < byteString.length(); i++) {
            char c = byteString.charAt(i);
            if (c >= 0x80 || c < ' ') {
                b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static final class Parse {
        private final String layout;
        private final String original;
        private String value;

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

        Parse(String layout, String value) {
            this.layout = layout;
            this.original = value;
            this.value = value;
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
                if (!skip(prefix)) {
                    throw cannotParse(value, prefix);
                }
                if (c.std() == Std.NONE) {
                    if (!value.isEmpty()) {
                        throw message(": extra text: " + quote(value));
                    }
                    break;
                }
                pos = c.end();
                String hold = value;
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

        /** Removes the literal prefix from value; a space in it matches any run of spaces. */
        private boolean skip(String prefix) {
            int i = 0;
            while (i < prefix.length()) {
                if (prefix.charAt(i) == ' ') {
                    if (!value.isEmpty() && value.charAt(0) != ' ') {
                        return false;
                    }
                    while (i < prefix.length() && prefix.charAt(i) == ' ') {
                        i++;
                    }
                    value = cutSpaces(value);
                    continue;
                }
                if (value.isEmpty() || value.charAt(0) != prefix.charAt(i)) {
                    return false;
                }
                i++;
                value = value.substring(1);
            }
            return true;
        }

        private static String cutSpaces(String s) {
            int i = 0;
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            return s.substring(i);
        }

        /** Parses one field from the front of value; false when it does not match. */
        private boolean field(Chunk c) {
            Std std = c.std();
            switch (std) {
                case YEAR -> {
                    if (value.length() < 2) {
                        return false;
                    }
                    Integer y = atoi(value.substring(0, 2));
                    value = value.substring(2);
                    if (y == null) {
                        return false;
                    }
                    year = y >= 69 ? y + 1900 : y + 2000;
                }
                case LONG_YEAR -> {
                    if (value.length() < 4 || !GoLayout.isDigit(value, 0)) {
                        return false;
                    }
                    Integer y = atoi(value.substring(0, 4));
                    value = value.substring(4);
                    if (y == null) {
                        return false;
                    }
                    year = y;
                }
                case MONTH, LONG_MONTH -> {
                    int m = lookup(std == Std.MONTH ? GoLayout.SHORT_MONTHS : GoLayout.LONG_MONTHS);
                    if (m < 0) {
                        return false;
                    }
                    month = m + 1;
                }
                case NUM_MONTH, ZERO_MONTH -> {
                    int m = getnum(std == Std.ZERO_MONTH);
                    if (m < 0) {
                        return false;
                    }
                    month = m;
                    if (m <= 0 || 12 < m) {
                        rangeError = "month";
                    }
                }
                case WEEKDAY -> {
                    return lookup(GoLayout.SHORT_DAYS) >= 0;
                }
                case LONG_WEEKDAY -> {
                    return lookup(GoLayout.LONG_DAYS) >= 0;
                }
                case DAY, UNDER_DAY, ZERO_DAY -> {
                    if (std == Std.UNDER_DAY && value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    day = getnum(std == Std.ZERO_DAY);
                    return day >= 0;
                }
                case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
                    for (int i = 0; i < 2; i++) {
                        if (std == Std.UNDER_YEAR_DAY && value.startsWith(" ")) {
                            value = value.substring(1);
                        }
                    }
                    yday = getnum3(std == Std.ZERO_YEAR_DAY);
                    return yday >= 0;
                }
                case HOUR, HOUR12, ZERO_HOUR12 -> {
                    int h = getnum(std == Std.ZERO_HOUR12);
                    if (h < 0) {
                        return false;
                    }
                    hour = h;
                    if (h >= (std == Std.HOUR ? 24 : 13)) {
                        rangeError = "hour";
                    }
                }
                case MINUTE, ZERO_MINUTE -> {
                    int m = getnum(std == Std.ZERO_MINUTE);
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
                    if (value.length() < 2) {
                        return false;
                    }
                    String p = value.substring(0, 2);
                    value = value.substring(2);
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
                    if (value.startsWith("UTC")) {
                        value = value.substring(3);
                        utc = true;
                        return true;
                    }
                    int n = zoneNameLength(value);
                    if (n <= 0) {
                        return false;
                    }
                    value = value.substring(n); // the name's offset is not known: zero
                }
                case FRAC_SECOND_0 -> {
                    int ndigit = 1 + c.digits();
                    if (value.length() < ndigit) {
                        return false;
                    }
                    boolean ok = nanoseconds(ndigit);
                    value = value.substring(ndigit);
                    return ok;
                }
                case FRAC_SECOND_9 -> {
                    if (value.length() < 2 || !isSeparator(value.charAt(0)) || !GoLayout.isDigit(value, 1)) {
                        return true; // fraction omitted
                    }
                    int i = 0;
                    while (i + 1 < value.length() && GoLayout.isDigit(value, i + 1)) {
                        i++;
                    }
                    boolean ok = nanoseconds(1 + i);
                    value = value.substring(1 + i);
                    return ok;
                }
                default -> {
                    return zone(std);
                }
            }
            return true;
        }

        private boolean seconds(boolean fixed, int layoutPos) {
            second = getnum(fixed);
            if (second < 0) {
                second = 0;
                return false;
            }
            if (second >= 60) {
                rangeError = "second";
                return true;
            }
            // A fraction after the seconds is accepted even when the layout has none.
            if (value.length() >= 2 && isSeparator(value.charAt(0)) && GoLayout.isDigit(value, 1)) {
                Std nextStd = GoLayout.next(layout, layoutPos).std();
                if (nextStd == Std.FRAC_SECOND_0 || nextStd == Std.FRAC_SECOND_9) {
                    return true;
                }
                int n = 2;
                while (n < value.length() && GoLayout.isDigit(value, n)) {
                    n++;
                }
                boolean ok = nanoseconds(n);
                value = value.substring(n);
                return ok;
            }
            return true;
        }

        private boolean zone(Std std) {
            if (std.isIsoZone() && value.startsWith("Z")) {
                value = value.substring(1);
                utc = true;
                return true;
            }
            String sign;
            String hh;
            String mm = "00";
            String ss = "00";
            switch (std) {
                case ISO8601_COLON_TZ, NUM_COLON_TZ -> {
                    if (value.length() < 6 || value.charAt(3) != ':') {
                        return false;
                    }
                    sign = value.substring(0, 1);
                    hh = value.substring(1, 3);
                    mm = value.substring(4, 6);
                    value = value.substring(6);
                }
                case NUM_SHORT_TZ, ISO8601_SHORT_TZ -> {
                    if (value.length() < 3) {
                        return false;
                    }
                    sign = value.substring(0, 1);
                    hh = value.substring(1, 3);
                    value = value.substring(3);
                }
                case ISO8601_COLON_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> {
                    if (value.length() < 9 || value.charAt(3) != ':' || value.charAt(6) != ':') {
                        return false;
                    }
                    sign = value.substring(0, 1);
                    hh = value.substring(1, 3);
                    mm = value.substring(4, 6);
                    ss = value.substring(7, 9);
                    value = value.substring(9);
                }
                case ISO8601_SECONDS_TZ, NUM_SECONDS_TZ -> {
                    if (value.length() < 7) {
                        return false;
                    }
                    sign = value.substring(0, 1);
                    hh = value.substring(1, 3);
                    mm = value.substring(3, 5);
                    ss = value.substring(5, 7);
                    value = value.substring(7);
                }
                default -> {
                    if (value.length() < 5) {
                        return false;
                    }
                    sign = value.substring(0, 1);
                    hh = value.substring(1, 3);
                    mm = value.substring(3, 5);
                    value = value.substring(5);
                }
            }
            int h = twoDigits(hh);
            int m = h < 0 ? -1 : twoDigits(mm);
            int s = m < 0 ? -1 : twoDigits(ss);
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

        /** One or two digits (exactly two when fixed) from value; -1 when there are none. */
        private int getnum(boolean fixed) {
            if (!GoLayout.isDigit(value, 0)) {
                return -1;
            }
            if (!GoLayout.isDigit(value, 1)) {
                if (fixed) {
                    return -1;
                }
                int n = value.charAt(0) - '0';
                value = value.substring(1);
                return n;
            }
            int n = (value.charAt(0) - '0') * 10 + (value.charAt(1) - '0');
            value = value.substring(2);
            return n;
        }

        private int getnum3(boolean fixed) {
            int n = 0;
            int i = 0;
            while (i < 3 && GoLayout.isDigit(value, i)) {
                n = n * 10 + value.charAt(i) - '0';
                i++;
            }
            if (i == 0 || (fixed && i != 3)) {
                return -1;
            }
            value = value.substring(i);
            return n;
        }

        private static int twoDigits(String s) {
            return GoLayout.isDigit(s, 0) && GoLayout.isDigit(s, 1) ? (s.charAt(0) - '0') * 10 + s.charAt(1) - '0' : -1;
        }

        /** A case-insensitive (ASCII letters only) prefix match against names; the index or -1. */
        private int lookup(String[] names) {
            for (int i = 0; i < names.length; i++) {
                String v = names[i];
                if (value.length() >= v.length() && matchIgnoringCase(value, v)) {
                    value = value.substring(v.length());
                    return i;
                }
            }
            return -1;
        }

        private static boolean matchIgnoringCase(String s, String name) {
            for (int i = 0; i < name.length(); i++) {
                int c1 = s.charAt(i);
                int c2 = name.charAt(i);
                if (c1 != c2) {
                    c1 |= 'a' - 'A';
                    c2 |= 'a' - 'A';
                    if (c1 != c2 || c1 < 'a' || c1 > 'z') {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Validates a fraction of n bytes ("." and digits) at the front of value. */
        private boolean nanoseconds(int n) {
            if (!isSeparator(value.charAt(0))) {
                return false;
            }
            Integer ns = atoi(value.substring(1, Math.min(n, 10)));
            if (ns != null && ns < 0) {
                rangeError = "fractional second";
            }
            return ns != null;
        }

        private static boolean isSeparator(char c) {
            return c == '.' || c == ',';
        }

        /** Go's time-package atoi: optional sign and ASCII digits, else null. */
        private static Integer atoi(String s) {
            int i = 0;
            boolean neg = false;
            if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
                neg = s.charAt(0) == '-';
                i = 1;
            }
            long x = 0;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                x = x * 10 + (c - '0');
                if (x > Integer.MAX_VALUE) {
                    return null;
                }
            }
            return (int) (neg ? -x : x);
        }

        /** Length of a zone abbreviation at the front of s (Go's parseTimeZone), or 0. */
        private static int zoneNameLength(String s) {
            if (s.length() < 3) {
                return 0;
            }
            if (s.startsWith("ChST") || s.startsWith("MeST")) {
                return 4;
            }
            if (s.startsWith("GMT")) {
                return 3 + signedOffsetLength(s.substring(3));
            }
            if (s.charAt(0) == '+' || s.charAt(0) == '-') {
                return signedOffsetLength(s);
            }
            int upper = 0;
            while (upper < 6 && upper < s.length() && s.charAt(upper) >= 'A' && s.charAt(upper) <= 'Z') {
                upper++;
            }
            return switch (upper) {
                case 3 -> 3;
                case 4 -> s.charAt(3) == 'T' || s.startsWith("WITA") ? 4 : 0;
                case 5 -> s.charAt(4) == 'T' ? 5 : 0;
                default -> 0;
            };
        }

        /** "+3" or "-11" (an hour offset up to 23) at the front of s: its length, else 0. */
        private static int signedOffsetLength(String s) {
            if (s.isEmpty() || (s.charAt(0) != '+' && s.charAt(0) != '-')) {
                return 0;
            }
            int i = 1;
            long x = 0;
            while (i < s.length() && GoLayout.isDigit(s, i)) {
                x = x * 10 + s.charAt(i) - '0';
                if (x > 1_000_000) {
                    return 0;
                }
                i++;
            }
            return i == 1 || x > 23 ? 0 : i;
        }
    }
}
