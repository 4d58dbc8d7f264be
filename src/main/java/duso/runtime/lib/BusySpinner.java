package duso.runtime.lib;

import duso.runtime.Console;
import duso.runtime.DusoRuntime;

/**
 * busy()'s animated spinner on standard error, drawn the way the reference draws it (cursor
 * hidden, the message, a Braille frame redrawn with a backspace every 80 ms) so terminals show
 * the same thing. It lives on one virtual thread; clearing waits for that thread to stop, so a
 * frame can never land after the text that replaces the spinner.
 */
final class BusySpinner {
    private static final String[] FRAMES = {"⣀", "⣤", "⣶", "⠿", "⠛", "⠛", "⠛", "⠶", "⣤", "⣀"};
    private static final long FRAME_MILLIS = 80;

    /** A runtime's spinner, made on first use; clearing one never made costs a volatile read. */
    static final class Slot {
        private final DusoRuntime runtime;
        private volatile BusySpinner spinner;

        Slot(DusoRuntime runtime) {
            this.runtime = runtime;
        }

        void start(String message) {
            BusySpinner s = spinner;
            if (s == null) {
                synchronized (this) {
                    s = spinner;
                    if (s == null) {
                        s = new BusySpinner(runtime.console());
                        runtime.onShutdown(this::clear);
                        spinner = s;
                    }
                }
            }
            s.start(message);
        }

        void clear() {
            BusySpinner s = spinner;
            if (s != null) {
                s.clear();
            }
        }
    }

    private final Console console;
    private Thread animator;
    private int width;

    BusySpinner(Console console) {
        this.console = console;
    }

    /** Replaces any spinner showing with one after {@code message}. */
    synchronized void start(String message) {
        clear();
        console.err("\033[?25l" + message + (message.isEmpty() ? "" : " "));
        int runes = message.codePointCount(0, message.length());
        width = runes + 1 + (runes > 0 ? 1 : 0);
        animator = Thread.ofVirtual().name("duso-busy").start(this::animate);
    }

    /** Stops the spinner and erases it and its message; nothing when none is showing. */
    synchronized void clear() {
        Thread running = animator;
        if (running == null) {
            return;
        }
        animator = null;
        running.interrupt();
        boolean interrupted = false;
        while (running.isAlive()) {
            try {
                running.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        String back = "\b".repeat(width);
        console.err(back + " ".repeat(width) + back + "\033[?25h");
    }

    private void animate() {
        for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
            console.err((i == 0 ? "" : "\b") + FRAMES[i % FRAMES.length]);
            try {
                Thread.sleep(FRAME_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
