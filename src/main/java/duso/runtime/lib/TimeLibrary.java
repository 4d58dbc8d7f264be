package duso.runtime.lib;

import duso.lang.lexer.GoQuote;
import duso.lang.nodes.Ops;
import duso.lang.values.GoNumbers;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.time.GoTimeFormat;
import duso.runtime.time.GoTimeParse;
import duso.runtime.time.LocalClock;
import duso.runtime.time.Zones;
import java.time.Instant;
import java.util.Map;

/**
 * Clocks and time formatting (sleep is with the concurrency builtins, which own stopping). Times are Unix seconds; format_time and parse_time work
 * in UTC with Go layouts ({@code 2006-01-02 15:04:05}), a few named formats, and the
 * placeholders {@code YYYY YY MM DD HH mm ss}. The reference replaces those placeholders in
 * random order (so {@code YYYY} sometimes prints {@code 2424}); here {@code YYYY} always wins
 * over {@code YY}, a documented improvement.
 *
 * <p>{@code now()} is the local wall-clock time read as if it were UTC (the reference's
 * behaviour); {@code timestamp()} is true UTC, optionally shifted to a zone's local time.
 */
public final class TimeLibrary implements Library {
    private static final String DEFAULT_LAYOUT = "2006-01-02 15:04:05";

    private static final Map<String, String> NAMED_FORMATS = Map.of(
            "iso", "2006-01-02T15:04:05Z",
            "date", "2006-01-02",
            "time", "15:04:05",
            "long_date", "January 2, 2006",
            "long_date_dow", "Mon January 2, 2006",
            "short_date", "Jan 2, 2006",
            "short_date_dow", "Mon Jan 2, 2006");

    /** The layouts parse_time tries, in order, when no format is given. */
    private static final String[] PARSE_LAYOUTS = {
        "2006-01-02T15:04:05Z", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02",
        "January 2, 2006", "Mon January 2, 2006", "Jan 2, 2006", "Mon Jan 2, 2006",
    };

    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("now", a -> (double) LocalClock.nowSeconds());
        r.add("timer", a -> {
            Instant now = Instant.now();
            return (now.getEpochSecond() * 1_000_000_000L + now.getNano()) / 1e9;
        });
        r.add("timestamp", TimeLibrary::timestamp);
        r.add("format_time", TimeLibrary::formatTime);
        r.add("parse_time", TimeLibrary::parseTime);
    }

    private static Object timestamp(Args a) {
        long utc = Instant.now().getEpochSecond();
        Object arg = a.get(0, null);
        if (arg == null) {
            return (double) utc;
        }
        String zone;
        if (arg instanceof String s) {
            zone = s;
        } else if (arg instanceof Double hours) {
            zone = Zones.hoursOffsetText(hours);
        } else {
            throw Args.error("timestamp() argument must be a string (timezone/offset) or number (hours offset)");
        }
        return (double) (utc + Zones.offsetSeconds(zone, utc));
    }

    private static Object formatTime(Args a) {
        Object arg = a.get(0, null);
        Double ts = null;
        if (arg instanceof Double d) {
            ts = d;
        } else if (arg instanceof String s) {
            ts = GoNumbers.parseFloat(s);
        }
        if (ts == null) {
            throw Args.error("format_time() requires a number or numeric string as first argument");
        }
        String layout = DEFAULT_LAYOUT;
        if (a.get(1, null) instanceof String f) {
            layout = NAMED_FORMATS.getOrDefault(f, null);
            if (layout == null) {
                layout = translatePlaceholders(f);
            }
        }
        return GoTimeFormat.format(Ops.goInt64(ts), layout);
    }

    private static Object parseTime(Args a) {
        if (!(a.get(0, null) instanceof String text)) {
            throw Args.error("parse_time() requires a string as first argument");
        }
        if (a.get(1, null) instanceof String format) {
            try {
                return (double) GoTimeParse.parse(translatePlaceholders(format), text);
            } catch (GoTimeParse.Failure e) {
                throw Args.error("parse_time() failed to parse " + GoQuote.quote(text) + " with format "
                        + GoQuote.quote(format) + ": " + e.getMessage());
            }
        }
        for (String layout : PARSE_LAYOUTS) {
            try {
                return (double) GoTimeParse.parse(layout, text);
            } catch (GoTimeParse.Failure e) {
                // try the next layout
            }
        }
        throw Args.error("parse_time() could not parse " + GoQuote.quote(text) + " - try providing a format");
    }

    /**
     * The placeholders YYYY, YY, MM, DD, HH, mm and ss as Go layout fields, replaced in one
     * left-to-right pass with YYYY tried before YY.
     */
    static String translatePlaceholders(String format) {
        StringBuilder b = new StringBuilder(format.length());
        int i = 0;
        while (i < format.length()) {
            String go = null;
            int len = 2;
            if (format.startsWith("YYYY", i)) {
                go = "2006";
                len = 4;
            } else if (format.startsWith("YY", i)) {
                go = "06";
            } else if (format.startsWith("MM", i)) {
                go = "01";
            } else if (format.startsWith("DD", i)) {
                go = "02";
            } else if (format.startsWith("HH", i)) {
                go = "15";
            } else if (format.startsWith("mm", i)) {
                go = "04";
            } else if (format.startsWith("ss", i)) {
                go = "05";
            }
            if (go == null) {
                b.append(format.charAt(i++));
            } else {
                b.append(go);
                i += len;
            }
        }
        return b.toString();
    }

}
