package duso.runtime;

import duso.lang.errors.DusoError;
import duso.lang.values.DusoObject;

/**
 * The {@code io} option of spawn() and run(): what a child instance prints, the errors it
 * reports and its exit value go to a datastore queue instead of the console, one event per
 * entry, tagged with the child's pid: {@code {pid, out = "text\n"}}, {@code {pid, err = "…"}},
 * {@code {pid, exit = value}}. Each channel is on unless its flag is false; a channel that is
 * off goes where it would without routing.
 *
 * <p>The reference documents this but its routing never reaches the store (it checks a
 * configuration that is never set, so the events are silently dropped); we do what its
 * documentation describes.
 */
public record IoRoute(String datastore, String queue, boolean out, boolean err, boolean exit) {
    /** The route an {@code io} argument describes; null when it is absent or not an object. */
    public static IoRoute parse(Object io) {
        if (!(io instanceof DusoObject o)) {
            return null;
        }
        return new IoRoute(text(o, "datastore"), text(o, "queue"), flag(o, "out"), flag(o, "err"), flag(o, "exit"));
    }

    private static String text(DusoObject o, String key) {
        return o.getOrNull(key) instanceof String s ? s : "";
    }

    private static boolean flag(DusoObject o, String key) {
        return !(o.getOrNull(key) instanceof Boolean b) || b;
    }

    /**
     * Where a spawned or run child writes: the process console, or with a route (may be null)
     * the routed channels to its queue. Not the starter's output: a child of a routed script
     * is not routed unless it is given a route of its own.
     */
    public static Output forChild(IoRoute io, DusoRuntime rt, long pid) {
        Output console = Output.of(rt.console());
        return io == null ? console : io.output(rt, pid, console);
    }

    /** The child's output: routed channels to the queue, the others to {@code console}. */
    public Output output(DusoRuntime rt, long pid, Output console) {
        return new Output() {
            @Override
            public void out(String text) {
                if (out) {
                    append(rt, pid, "out", text);
                } else {
                    console.out(text);
                }
            }

            @Override
            public void err(String text) {
                if (err) {
                    // error() hands over a line; the event holds its text without the newline
                    append(rt, pid, "err", text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
                } else {
                    console.err(text);
                }
            }
        };
    }

    /**
     * Queues the error that ended the child, with its position and call stack; false when
     * errors are not routed (the caller reports it as usual).
     */
    public boolean reportError(DusoRuntime rt, long pid, DusoError e) {
        if (!err) {
            return false;
        }
        append(rt, pid, "err", e.render());
        return true;
    }

    /** Queues the child's exit value (only a non-nil value given to exit()). */
    public void reportExit(DusoRuntime rt, long pid, Object value) {
        if (exit) {
            append(rt, pid, "exit", value);
        }
    }

    private void append(DusoRuntime rt, long pid, String channel, Object value) {
        DusoObject event = new DusoObject(2);
        event.put("pid", (double) pid);
        event.put(channel, value);
        try {
            Datastores.of(rt).push(datastore, queue, event);
        } catch (DusoError e) {
            // the queue key holds something other than an array: the event is dropped, as the
            // reference drops output its writer cannot deliver
        }
    }
}
