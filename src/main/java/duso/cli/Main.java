package duso.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;

/** Process entry point: real streams, real working directory, real exit status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int status = Cli.run(args, new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err), Path.of("").toAbsolutePath(),
                ProcessExit::exit, Main::stdinIsTerminal);
        ProcessExit.exit(status);
    }

    /** Asked only by the REPL: looking up the console costs start-up time scripts do not need. */
    private static boolean stdinIsTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }
}
