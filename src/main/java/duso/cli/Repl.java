package duso.cli;

import duso.runtime.DusoRuntime;

/** Placeholder until the interactive prompt lands. */
final class Repl {
    private final DusoRuntime rt;

    Repl(DusoRuntime rt) {
        this.rt = rt;
    }

    int run() {
        rt.console().err("duso: repl is not available yet\n");
        return 1;
    }
}
