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
                Main::halt, Main::stdinIsTerminal);
        halt(status);
    }

    /**
     * Ends the process once every shutdown step has run and the console is flushed. The JVM's
     * exit waits for threads inside native code to block, 300 ms by default, and once a virtual
     * thread has waited on a socket the JDK's I/O poller threads sit in {@code epoll_wait} for
     * good: the launcher passes {@code -XX:UserThreadWaitAttemptsAtExit=0} so such a process
     * does not linger (docs/tuning.md, "Ending the process").
     */
    private static void halt(int status) {
        Runtime.getRuntime().halt(status);
    }

    /** Asked only by the REPL: looking up the console costs start-up time scripts do not need. */
    private static boolean stdinIsTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }
}
