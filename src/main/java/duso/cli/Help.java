package duso.cli;

/** The text {@code duso help} prints. */
final class Help {
    private Help() {}

    static final String TEXT = """
            duso-jvm %s: the Duso scripting language on the JVM

            Usage:
              duso FILE [ARGS...] [-FLAGS...]   run a script
              duso eval 'CODE'                  run code given on the command line
              duso repl                         interactive prompt (\\ continues a line)
              duso version                      print the version
              duso help                         this text

            Arguments come first, flags last: the first token starting with '-' ends the
            positional arguments. Scripts read flags with sys("-name") and all arguments
            with sys("args").

            Flags:
              -config 'k=v,k2="s"'   an object for sys("-config")
              -lib-path PATH         extra module search path (before DUSO_LIB)
              -no-files              block the real filesystem (/STORE/ and /EMBED/ only)
              -allow-exec "a,b x"    let exec() run these programs (b only as "b x ..."); no list: any
              -no-stdin              input() returns "" without reading
              -no-color              plain output

            Environment:
              DUSO_LIB               module search path (':'-separated)
              DUSO_JAVA_OPTS         extra JVM options for the launcher
              DUSO_PROFILE           script or server: the launcher's JVM profile (default:
                                     server for a script that names http_server)
            """.formatted(Cli.VERSION);
}
