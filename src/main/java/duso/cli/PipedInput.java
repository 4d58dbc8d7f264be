package duso.cli;

import duso.runtime.Console;

/**
 * REPL lines from a pipe or file: the prompt goes to stderr as the reference prints it, and
 * lines come from the console's reader, the same one input() uses, so a script's input()
 * consumes the next line of the stream.
 */
final class PipedInput implements ReplInput {
    private final Console console;

    PipedInput(Console console) {
        this.console = console;
    }

    @Override
    public String readLine(String prompt) {
        console.err(prompt);
        String line = console.readLine();
        if (line != null && line.endsWith("\r")) {
            return line.substring(0, line.length() - 1);
        }
        return line;
    }

    @Override
    public void close() {
        // the console's streams belong to the process
    }
}
