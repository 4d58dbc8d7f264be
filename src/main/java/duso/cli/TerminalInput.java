package duso.cli;

import duso.runtime.DusoRuntime;
import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * REPL lines from an interactive terminal through JLine: cursor editing and history (kept in
 * {@code ~/.duso_history} unless -no-files). Lines are taken verbatim: no quote or escape
 * processing and no {@code !} history expansion, which would mangle Duso code ({@code !} is
 * "not"); the REPL itself handles the {@code \} continuation. Ctrl-C drops the line being
 * typed, Ctrl-D ends the session.
 */
final class TerminalInput implements ReplInput {
    private final Terminal terminal;
    private final LineReader reader;

    private TerminalInput(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    /** A terminal reader, or null when the terminal cannot be opened (then lines are read plainly). */
    static TerminalInput open(DusoRuntime runtime) {
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).build();
            DefaultParser parser = new DefaultParser();
            parser.setEscapeChars(null);
            parser.setQuoteChars(new char[0]);
            LineReaderBuilder builder = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .parser(parser)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
            String home = System.getProperty("user.home");
            if (!runtime.options().noFiles() && home != null) {
                builder.variable(LineReader.HISTORY_FILE, Path.of(home, ".duso_history"));
            }
            return new TerminalInput(terminal, builder.build());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String readLine(String prompt) {
        while (true) {
            try {
                return reader.readLine(prompt);
            } catch (UserInterruptException e) {
                // Ctrl-C: abandon the line, prompt again
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            // history is a convenience; failing to save it must not fail the session
        }
    }
}
