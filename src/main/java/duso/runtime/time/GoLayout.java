package duso.runtime.time;

/**
 * Go's time layouts: text in which pieces of the reference time {@code Mon Jan 2 15:04:05 MST
 * 2006} stand for fields ({@code 2006} the year, {@code Jan} the month name, {@code 002} the
 * day of the year, {@code .000} milliseconds…) and everything else is literal. format_time and
 * parse_time layouts are Go layouts, so any such piece in a script's format is a field.
 *
 * <p>{@link #next} finds the next field exactly where Go's tokenizer would: "Jan" is the month
 * unless a lower-case letter follows ("Janet" is text), "1" alone is the month, and so on.
 */
final class GoLayout {
    private GoLayout() {}

    /** A layout field. {@code NONE} marks the end of the layout. */
    enum Std {
        NONE, LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY,
        UNDER_YEAR_DAY, ZERO_YEAR_DAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND,
        LONG_YEAR, YEAR, PM_UPPER, PM_LOWER, TZ,
        ISO8601_TZ, ISO8601_SECONDS_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_TZ, ISO8601_COLON_SECONDS_TZ,
        NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ,
        FRAC_SECOND_0, FRAC_SECOND_9;

        boolean isIsoZone() {
            return this == ISO8601_TZ || this == ISO8601_SECONDS_TZ || this == ISO8601_SHORT_TZ
                    || this == ISO8601_COLON_TZ || this == ISO8601_COLON_SECONDS_TZ;
        }

        boolean isNumericZone() {
            return this == NUM_TZ || this == NUM_SECONDS_TZ || this == NUM_SHORT_TZ || this == NUM_COLON_TZ
                    || this == NUM_COLON_SECONDS_TZ;
        }
    }

    /**
     * The next field at or after {@code from}: literal text is {@code [from, start)}, the field
     * is {@code [start, end)}. For fractional seconds, {@code digits} and {@code separator}
     * describe it ({@code .000}: 3 and '.').
     */
    record Chunk(int start, Std std, int end, int digits, char separator) {}

    private static final Std[] ZERO_X = {Std.ZERO_MONTH, Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE,
        Std.ZERO_SECOND, Std.YEAR};

    static Chunk next(String layout, int from) {
        int n = layout.length();
        for (int i = from; i < n; i++) {
            char c = layout.charAt(i);
            switch (c) {
                case 'J' -> {
                    if (layout.startsWith("Jan", i)) {
                        if (layout.startsWith("January", i)) {
                            return field(i, Std.LONG_MONTH, i + 7);
                        }
                        if (!startsWithLowerCase(layout, i + 3)) {
                            return field(i, Std.MONTH, i + 3);
                        }
                    }
                }
                case 'M' -> {
                    if (layout.startsWith("Mon", i)) {
                        if (layout.startsWith("Monday", i)) {
                            return field(i, Std.LONG_WEEKDAY, i + 6);
                        }
                        if (!startsWithLowerCase(layout, i + 3)) {
                            return field(i, Std.WEEKDAY, i + 3);
                        }
                    }
                    if (layout.startsWith("MST", i)) {
                        return field(i, Std.TZ, i + 3);
                    }
                }
                case '0' -> {
                    if (i + 1 < n && layout.charAt(i + 1) >= '1' && layout.charAt(i + 1) <= '6') {
                        return field(i, ZERO_X[layout.charAt(i + 1) - '1'], i + 2);
                    }
                    if (layout.startsWith("002", i)) {
                        return field(i, Std.ZERO_YEAR_DAY, i + 3);
                    }
                }
                case '1' -> {
                    if (i + 1 < n && layout.charAt(i + 1) == '5') {
                        return field(i, Std.HOUR, i + 2);
                    }
                    return field(i, Std.NUM_MONTH, i + 1);
                }
                case '2' -> {
                    if (layout.startsWith("2006", i)) {
                        return field(i, Std.LONG_YEAR, i + 4);
                    }
                    return field(i, Std.DAY, i + 1);
                }
                case '_' -> {
                    if (i + 1 < n && layout.charAt(i + 1) == '2') {
                        if (layout.startsWith("2006", i + 1)) {
                            return field(i + 1, Std.LONG_YEAR, i + 5); // "_2006" is "_" then the year
                        }
                        return field(i, Std.UNDER_DAY, i + 2);
                    }
                    if (layout.startsWith("__2", i)) {
                        return field(i, Std.UNDER_YEAR_DAY, i + 3);
                    }
                }
                case '3' -> {
                    return field(i, Std.HOUR12, i + 1);
                }
                case '4' -> {
                    return field(i, Std.MINUTE, i + 1);
                }
                case '5' -> {
                    return field(i, Std.SECOND, i + 1);
                }
                case 'P' -> {
                    if (i + 1 < n && layout.charAt(i + 1) == 'M') {
                        return field(i, Std.PM_UPPER, i + 2);
                    }
                }
                case 'p' -> {
                    if (i + 1 < n && layout.charAt(i + 1) == 'm') {
                        return field(i, Std.PM_LOWER, i + 2);
                    }
                }
                case '-' -> {
                    Chunk z = zone(layout, i, "-070000", Std.NUM_SECONDS_TZ, "-07:00:00", Std.NUM_COLON_SECONDS_TZ,
                            "-0700", Std.NUM_TZ, "-07:00", Std.NUM_COLON_TZ, "-07", Std.NUM_SHORT_TZ);
                    if (z != null) {
                        return z;
                    }
                }
                case 'Z' -> {
                    Chunk z = zone(layout, i, "Z070000", Std.ISO8601_SECONDS_TZ, "Z07:00:00",
                            Std.ISO8601_COLON_SECONDS_TZ, "Z0700", Std.ISO8601_TZ, "Z07:00", Std.ISO8601_COLON_TZ,
                            "Z07", Std.ISO8601_SHORT_TZ);
                    if (z != null) {
                        return z;
                    }
                }
                case '.', ',' -> {
                    if (i + 1 < n && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
                        char ch = layout.charAt(i + 1);
                        int j = i + 1;
                        while (j < n && layout.charAt(j) == ch) {
                            j++;
                        }
                        if (!isDigit(layout, j)) { // a fraction must end the run of digits
                            Std std = ch == '9' ? Std.FRAC_SECOND_9 : Std.FRAC_SECOND_0;
                            return new Chunk(i, std, j, j - (i + 1), c);
                        }
                    }
                }
                default -> {
                    // literal text
                }
            }
        }
        return new Chunk(n, Std.NONE, n, 0, '.');
    }

    private static Chunk field(int start, Std std, int end) {
        return new Chunk(start, std, end, 0, '.');
    }

    /** The first of five zone spellings found at i (checked in Go's order), else null. */
    private static Chunk zone(String layout, int i, Object... spellings) {
        for (int k = 0; k < spellings.length; k += 2) {
            String s = (String) spellings[k];
            if (layout.startsWith(s, i)) {
                return field(i, (Std) spellings[k + 1], i + s.length());
            }
        }
        return null;
    }

    private static boolean startsWithLowerCase(String s, int i) {
        return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
    }

    static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static final String[] SHORT_DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static final String[] SHORT_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
}
