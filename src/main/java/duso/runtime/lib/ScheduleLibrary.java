package duso.runtime.lib;

import duso.lang.lexer.GoQuote;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.schedule.ScheduleSpec;
import duso.runtime.schedule.Scheduler;
import java.time.DateTimeException;
import java.time.ZonedDateTime;

/**
 * {@code schedule(spec, script [, context] [, id])} and {@code unschedule(id)}: scripts run
 * on an interval, at a date/time, or once after a delay (see {@link ScheduleSpec}), by the
 * runtime's {@link Scheduler}, which is not created (nor its classes loaded) until a script
 * first schedules something. Arguments are read as the reference reads them: the spec also
 * as {@code every=}, named arguments over positional ones, a missing or non-string id
 * replaced by a new uuid.
 */
public final class ScheduleLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("schedule", a -> schedule(a, rt));
        r.add("unschedule", a -> unschedule(a, rt));
    }

    private static Object schedule(Args a, DusoRuntime rt) {
        String spec = a.get(0, "every") instanceof String s ? s : "";
        if (spec.isEmpty()) {
            throw Args.error("schedule() requires a spec string (e.g. \"30s\", \"06:00 1D\", \"2026-01-15 15:00\")");
        }
        ZonedDateTime now = ZonedDateTime.now();
        ScheduleSpec plan;
        ZonedDateTime first;
        try {
            plan = ScheduleSpec.parse(spec, now);
            first = plan.isEmpty() ? null : plan.firstFire(now);
        } catch (DateTimeException | ArithmeticException e) {
            throw Args.error("schedule() spec " + GoQuote.quote(spec) + " is out of range");
        }
        if (plan.isEmpty()) {
            throw Args.error("schedule() spec " + GoQuote.quote(spec) + " didn't resolve to an interval or a date/time");
        }
        String script = a.get(1, "script") instanceof String s ? s : "";
        if (script.isEmpty()) {
            throw Args.error("schedule() requires a script path argument");
        }
        Object context = a.get(2, "context");
        String id = a.get(3, "id") instanceof String s ? s : "";
        if (id.isEmpty()) {
            id = SystemLibrary.newUuid();
        }
        Scheduler.of(rt).add(id, plan.every(), first, a.instance(), script, context);
        return id;
    }

    private static Object unschedule(Args a, DusoRuntime rt) {
        String id = a.get(0, "id") instanceof String s ? s : "";
        if (id.isEmpty()) {
            throw Args.error("unschedule() requires an id argument");
        }
        return Scheduler.of(rt).remove(id);
    }
}
