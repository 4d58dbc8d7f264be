package duso.runtime.time;

import duso.lang.errors.DusoError;
import duso.runtime.Args;
import duso.lang.lexer.GoQuote;
import duso.lang.values.GoNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * The zones timestamp() understands: fixed offsets ({@code "+7"}, {@code "-5:30"}, or a number
 * of hours) and IANA names ({@code "Europe/Paris"}, plus Go's "UTC", "Local" and ""), with the
 * reference's error messages.
 */
public final class Zones {
    private Zones() {}

    /** A number of hours as the reference spells it before parsing: {@code %.0f} with a sign. */
    public static String hoursOffsetText(double hours) {
        return (hours >= 0 ? "+" : "") + formatWhole(hours);
    }

    /** Go's {@code %.0f}: round half to even on the exact binary value; keeps "-0". */
    private static String formatWhole(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        String digits = new BigDecimal(v).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
        return negative && digits.equals("0") ? "-0" : digits;
    }

    /**
     * Names in the IANA database (which Go's LoadLocation reads) that the JDK's zone list
     * leaves out, with the zone each one is: fixed offsets without daylight saving, or a link.
     */
    private static final Map<String, String> TZDATA_ONLY = Map.of(
            "EST", "-05:00", "MST", "-07:00", "HST", "-10:00",
            "GMT+0", "UTC", "GMT-0", "UTC", "Factory", "UTC", "ROC", "Asia/Taipei");

    /** The zone's offset from UTC, in seconds, at the given instant. */
    public static long offsetSeconds(String zone, long epochSecond) {
        if (!zone.isEmpty() && (zone.charAt(0) == '+' || zone.charAt(0) == '-')) {
            Long offset = fixedOffset(zone);
            if (offset == null) {
                throw error("timestamp() invalid offset: invalid offset format");
            }
            return offset;
        }
        if (zone.isEmpty() || zone.equals("UTC")) {
            return 0;
        }
        ZoneId id;
        if (zone.equals("Local")) {
            id = ZoneId.systemDefault();
        } else if (zone.contains("..") || zone.charAt(0) == '/' || zone.charAt(0) == '\\') {
            throw error("timestamp() unknown timezone " + GoQuote.quote(zone) + ": time: invalid location name");
        } else if (ZoneId.getAvailableZoneIds().contains(zone)) {
            id = ZoneId.of(zone);
        } else if (TZDATA_ONLY.containsKey(zone)) {
            id = ZoneId.of(TZDATA_ONLY.get(zone));
        } else {
            throw error("timestamp() unknown timezone " + GoQuote.quote(zone) + ": unknown time zone " + zone);
        }
        return id.getRules().getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }

    /** "+H", "-H:MM" (any integers, as strconv.Atoi reads them) in seconds; null if malformed. */
    private static Long fixedOffset(String zone) {
        long sign = zone.charAt(0) == '-' ? -1 : 1;
        String[] parts = zone.substring(1).split(":", -1);
        Long hours = GoNumbers.atoi(parts[0]);
        if (hours == null) {
            return null;
        }
        long minutes = 0;
        if (parts.length > 1) {
            Long m = GoNumbers.atoi(parts[1]);
            if (m == null) {
                return null;
            }
            minutes = m;
        }
        return sign * (hours * 3600 + minutes * 60);
    }

    private static DusoError error(String message) {
        return Args.error(message);
    }
}
