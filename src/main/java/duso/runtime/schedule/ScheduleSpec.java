package duso.runtime.schedule;

import duso.lang.errors.DusoError;
import duso.lang.lexer.GoQuote;
import duso.lang.lexer.GoStrings;
import duso.runtime.Args;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a schedule() spec means: a recurring {@link Interval}, an anchor instant, or both.
 * Tokens are told apart by shape alone, so their order never matters: {@code 30s} (interval),
 * {@code +2h} (offset from now), {@code 2026-01-15} or {@code 2026/01/15} (date),
 * {@code 06:00[:00]} (time of day, in the server's zone). Errors are the reference's words.
 *
 * @param every  the recurring step, or null for a one-shot
 * @param anchor the first (or only) firing, or null for "one step from now"
 */
public record ScheduleSpec(Interval every, ZonedDateTime anchor) {
    private static final Pattern INTERVAL = Pattern.compile("^(\\d+(?:\\.\\d+)?)([A-Za-z]+)$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})$");
    private static final Pattern TIME = Pattern.compile("^(\\d{1,2}):(\\d{2})(?::(\\d{2}))?$");

    /** True when the spec named neither an interval nor a date/time (blank). */
    public boolean isEmpty() {
        return every == null && anchor == null;
    }

    /**
     * Reads a spec; {@code now} (in the server's zone) fills in a missing date and is where a
     * {@code +offset} counts from.
     */
    public static ScheduleSpec parse(String spec, ZonedDateTime now) {
        Interval every = null;
        Interval offset = null;
        LocalDate date = null;
        LocalTime time = null;
        for (String tok : GoStrings.fields(spec)) {
            if (tok.startsWith("+") && INTERVAL.matcher(tok.substring(1)).matches()) {
                if (offset != null) {
                    throw specError(spec, "has more than one relative (+...) token");
                }
                offset = interval(tok.substring(1));
            } else if (INTERVAL.matcher(tok).matches()) {
                if (every != null) {
                    throw specError(spec, "has more than one interval token");
                }
                every = interval(tok);
                if (every.isZero()) {
                    throw Args.error("invalid interval " + GoQuote.quote(tok) + " - count must be positive");
                }
            } else if (tok.indexOf(':') >= 0) {
                if (time != null) {
                    throw specError(spec, "has more than one time token");
                }
                time = time(tok);
            } else if (tok.indexOf('/') >= 0 || tok.indexOf('-') >= 0) {
                if (date != null) {
                    throw specError(spec, "has more than one date token");
                }
                date = date(tok);
            } else {
                throw specError(spec, "has an unrecognized token " + GoQuote.quote(tok));
            }
        }
        if (offset != null) {
            if (date != null || time != null) {
                throw specError(spec, "combines a relative offset (+...) with an absolute date/time - pick one");
            }
            return new ScheduleSpec(every, offset.after(now));
        }
        if (date == null && time == null) {
            return new ScheduleSpec(every, null);
        }
        LocalDateTime local = LocalDateTime.of(date != null ? date : now.toLocalDate(),
                time != null ? time : LocalTime.MIDNIGHT);
        return new ScheduleSpec(every, ZonedDateTime.of(local, now.getZone()));
    }

    /**
     * When the job first fires: the anchor of a one-shot (even if already past: it fires at
     * once); for an anchored recurring job the first occurrence after now; otherwise one step
     * from now.
     */
    public ZonedDateTime firstFire(ZonedDateTime now) {
        if (anchor == null) {
            return every.after(now);
        }
        return every == null ? anchor : every.firstAfter(anchor, now);
    }

    private static DusoError specError(String spec, String problem) {
        return Args.error("schedule spec " + GoQuote.quote(spec) + " " + problem);
    }

    /** A count and a unit word: full words, plurals and abbreviations all work. */
    static Interval interval(String tok) {
        Matcher m = INTERVAL.matcher(tok);
        if (!m.matches()) {
            throw Args.error("invalid interval " + GoQuote.quote(tok)
                    + " - expected a count followed by a unit (e.g. \"30s\", \"1day\", \"2mo\", \"1yr\")");
        }
        double count = Double.parseDouble(m.group(1));
        if (Double.isInfinite(count)) {
            throw Args.error("invalid interval count in " + GoQuote.quote(tok) + ": strconv.ParseFloat: parsing "
                    + GoQuote.quote(m.group(1)) + ": value out of range");
        }
        if (count <= 0) {
            throw Args.error("invalid interval " + GoQuote.quote(tok) + " - count must be positive");
        }
        String word = m.group(2).toLowerCase(Locale.ROOT);
        // "mo…" is month; a bare "m" or "mi…" is minute: the one pair that shares a letter.
        char unit;
        double multiplier = 1;
        if (word.startsWith("mo")) {
            unit = 'M';
        } else if (word.equals("m") || word.startsWith("mi")) {
            unit = 'm';
        } else if (word.startsWith("y")) {
            unit = 'Y';
        } else if (word.startsWith("w")) {
            unit = 'D';
            multiplier = 7;
        } else if (word.startsWith("d")) {
            unit = 'D';
        } else if (word.startsWith("h")) {
            unit = 'h';
        } else if (word.startsWith("s")) {
            unit = 's';
        } else {
            throw Args.error("invalid interval " + GoQuote.quote(tok) + " - unrecognized unit " + GoQuote.quote(m.group(2)));
        }
        return new Interval(count * multiplier, unit);
    }

    /** A date; a day past the month's end rolls into the next month, as Go's time.Date does. */
    private static LocalDate date(String tok) {
        Matcher m = DATE.matcher(tok);
        if (!m.matches()) {
            throw Args.error("invalid date " + GoQuote.quote(tok) + " - expected YYYY-MM-DD or YYYY/MM/DD");
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            throw Args.error("invalid date " + GoQuote.quote(tok) + " - month out of range");
        }
        if (day < 1 || day > 31) {
            throw Args.error("invalid date " + GoQuote.quote(tok) + " - day out of range");
        }
        return LocalDate.of(year, month, 1).plusDays(day - 1);
    }

    private static LocalTime time(String tok) {
        Matcher m = TIME.matcher(tok);
        if (!m.matches()) {
            throw Args.error("invalid time " + GoQuote.quote(tok) + " - expected HH:MM or HH:MM:SS");
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (hour > 23 || minute > 59 || second > 59) {
            throw Args.error("invalid time " + GoQuote.quote(tok) + " - out of range");
        }
        return LocalTime.of(hour, minute, second);
    }
}
