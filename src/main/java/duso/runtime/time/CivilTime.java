package duso.runtime.time;

/**
 * A UTC instant's calendar fields in the proleptic Gregorian calendar (year 0 exists, as in
 * Go), for any int64 second count; java.time would refuse years beyond ±999,999,999.
 *
 * @param yday day of the year, 1-based
 * @param weekday 0 = Sunday
 */
public record CivilTime(long year, int month, int day, int hour, int minute, int second, int yday, int weekday) {

    public static CivilTime ofEpochSecond(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secs = (int) Math.floorMod(epochSecond, 86_400L);
        long[] ymd = civilFromDays(days);
        int yday = (int) (days - daysFromCivil(ymd[0], 1, 1)) + 1;
        int weekday = (int) Math.floorMod(days + 4, 7L); // 1970-01-01 was a Thursday
        return new CivilTime(ymd[0], (int) ymd[1], (int) ymd[2], secs / 3600, secs / 60 % 60, secs % 60, yday,
                weekday);
    }

    /** Seconds since the epoch of a UTC date and time (fields already in range). */
    public static long epochSecond(long year, int month, int day, int hour, int minute, int second) {
        return daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
    }

    /** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
    static long daysFromCivil(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400L);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    /** {year, month, day} of a day count since 1970-01-01. */
    static long[] civilFromDays(long z) {
        z += 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        return new long[] {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
    }

    public static boolean isLeap(long year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    public static int daysIn(int month, long year) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
