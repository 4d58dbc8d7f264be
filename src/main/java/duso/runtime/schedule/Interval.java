package duso.runtime.schedule;

import duso.lang.values.NumberFormat;
import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * A schedule step: a count of one of six units. Seconds, minutes and hours are fixed lengths
 * on the absolute timeline; days keep the wall-clock time across daylight-saving changes, and
 * months and years clamp to the last day of a shorter month (Jan 31 + 1 month is Feb 28),
 * which is what java.time's calendar arithmetic does.
 *
 * <p>Calendar units step by whole units (the count truncated, as the reference does); fixed
 * units honour fractions, where the reference truncates them too and so turns "0.5s" into a
 * zero step that fires without pause.
 *
 * @param count how many units (weeks already folded into days)
 * @param unit  one of {@code s m h D M Y}
 */
public record Interval(double count, char unit) {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** How the job record shows it: Go's {@code %g} of the count, then the unit. */
    public String text() {
        return NumberFormat.formatG(count) + unit;
    }

    /** True when one step does not move time forward (a count that truncates to zero). */
    public boolean isZero() {
        return fixedLength() ? nanos() == 0 : (long) count == 0;
    }

    /** The step in nanoseconds, for the fixed units. */
    private long nanos() {
        long per = switch (unit) {
            case 'm' -> 60 * NANOS_PER_SECOND;
            case 'h' -> 3600 * NANOS_PER_SECOND;
            default -> NANOS_PER_SECOND;
        };
        double n = count * per;
        if (n >= Long.MAX_VALUE) {
            throw new ArithmeticException("interval too long");
        }
        return (long) n;
    }

    /**
     * The instant one step after {@code t}, in t's zone. Throws DateTimeException or
     * ArithmeticException when the result is beyond what java.time represents.
     */
    public ZonedDateTime after(ZonedDateTime t) {
        return switch (unit) {
            case 's', 'm', 'h' -> t.plusNanos(nanos());
            case 'D' -> t.plusDays((long) count);
            case 'M' -> t.plusMonths((long) count);
            default -> t.plusYears((long) count);
        };
    }

    /**
     * The first step from {@code anchor} that is after {@code now} (the anchor itself when
     * still ahead): missed occurrences are skipped, not fired. Fixed units jump straight there
     * (the same instant as stepping one at a time), so an anchor long past is not a long loop.
     */
    public ZonedDateTime firstAfter(ZonedDateTime anchor, ZonedDateTime now) {
        ZonedDateTime next = anchor;
        if (fixedLength() && next.isBefore(now)) {
            Duration step = Duration.ofNanos(nanos());
            next = next.plus(step.multipliedBy(Duration.between(next, now).dividedBy(step)));
        }
        while (!next.isAfter(now)) {
            next = after(next);
        }
        return next;
    }

    private boolean fixedLength() {
        return unit == 's' || unit == 'm' || unit == 'h';
    }
}
