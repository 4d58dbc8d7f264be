package duso.cli;

import duso.runtime.DusoRuntime;

/**
 * {@code duso repl}: the reference's interactive loop. The prompt, banner and goodbye go to
 * stderr so stdout carries only what the code prints; a line ending in {@code \} continues
 * on the next one; {@code exit()}, a bare {@code exit} (as the banner promises) or the end of
 * input leave. On a terminal lines are edited and remembered with JLine; from a pipe they
 * are read plainly, so the REPL can be scripted.
 */
final class Repl {
    static final String PROMPT = "duso> ";
    /** The reference's continuation prompt: as wide as the main one. */
    static final String MORE = " ".repeat(PROMPT.length() - 2) + "> ";

    private final DusoRuntime runtime;
    private final boolean terminal;

    Repl(DusoRuntime runtime, boolean terminal) {
        this.runtime = runtime;
        this.terminal = terminal;
    }

    int run() {
        runtime.console().err("duso-jvm " + Cli.VERSION + "\n"
                + "Duso REPL (type 'exit' to quit, use \\ for line continuation)\n\n");
        // Script code runs on a large stack, as main scripts do.
        Cli.runOnBigStack(this::loop);
        runtime.console().err("\nGoodbye!\n");
        return 0;
    }

    private void loop() {
        ReplSession session = new ReplSession(runtime);
        ReplInput opened = terminal ? TerminalInput.open(runtime) : null;
        try (ReplInput input = opened != null ? opened : new PipedInput(runtime.console())) {
            StringBuilder entry = new StringBuilder();
            while (true) {
                String line = input.readLine(entry.isEmpty() ? PROMPT : MORE);
                if (line == null) {
                    return;
                }
                if (line.endsWith("\\")) {
                    entry.append(line, 0, line.length() - 1).append('\n');
                    continue;
                }
                entry.append(line);
                String code = entry.toString();
                entry.setLength(0);
                if (code.strip().equals("exit") || !session.evaluate(code)) {
                    return;
                }
            }
        }
    }
}
