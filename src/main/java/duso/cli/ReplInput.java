package duso.cli;

/** Where REPL lines come from: a terminal with line editing, or a plain stream. */
interface ReplInput extends AutoCloseable {
    /** Shows the prompt and reads one line without its ending; null at end of input. */
    String readLine(String prompt);

    @Override
    void close();
}
