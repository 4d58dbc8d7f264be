package duso.runtime.lib;

import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.lang.values.Nil;
import duso.lang.values.Render;

/** print, write, error, debug, input, busy and breakpoint: the script's console. */
public final class ConsoleLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        // One spinner per runtime (library objects are shared); console output erases it first.
        BusySpinner.Slot busy = new BusySpinner.Slot(rt);
        r.add("print", a -> {
            busy.clear();
            a.instance().output().out(joined(a) + "\n");
            return Nil.NIL;
        });
        r.add("write", a -> {
            busy.clear();
            a.instance().output().out(joined(a));
            return Nil.NIL;
        });
        r.add("error", a -> {
            busy.clear();
            a.instance().output().err(joined(a) + "\n");
            return Nil.NIL;
        });
        r.add("debug", a -> {
            busy.clear();
            a.instance().output().out("[DEBUG] " + joined(a) + "\n");
            return Nil.NIL;
        });
        r.add("input", a -> {
            busy.clear();
            return input(a, rt);
        });
        r.add("busy", a -> {
            Object message = a.raw().at(0);
            if (message == null) {
                busy.clear();
            } else {
                // Like the reference, anything but a string shows the spinner alone.
                busy.start(message instanceof String text ? text : "");
            }
            return Nil.NIL;
        });
        // Pauses only under the reference's interactive debugger (`duso debug`), which duso-jvm
        // does not have; everywhere else the reference ignores it too, values and all.
        r.add("breakpoint", a -> Nil.NIL);
    }

    /** Positional arguments in display form, separated by one space. */
    static String joined(Args a) {
        Object[] values = a.raw().positional();
        if (values.length == 1) {
            return Render.display(values[0]);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(Render.display(values[i]));
        }
        return b.toString();
    }

    private static Object input(Args a, DusoRuntime rt) {
        Object prompt = a.get(0, "prompt");
        if (prompt != null && prompt != Nil.NIL) {
            a.instance().output().out(Render.display(prompt));
        }
        if (rt.options().noStdin()) {
            a.instance().output().out("warning: stdin disabled, input() returned ''\n");
            return "";
        }
        String line = rt.console().readLine();
        if (line == null) {
            return Nil.NIL;
        }
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
