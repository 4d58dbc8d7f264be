package duso.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference's argument rules: an optional subcommand first (leading dashes ignored), then
 * positional arguments up to the first token starting with "-", then flags anywhere:
 * {@code -name=value}, {@code -name value} (when the next token is not a flag) or a bare
 * {@code -name} (true). Values that parse as numbers become numbers, except for a few
 * string-valued flags; {@code -config} is parsed later as an object literal.
 */
public final class CommandLine {
    static final Set<String> SUBCOMMANDS = Set.of("debug", "repl", "eval", "init", "doc", "webdoc", "read",
            "lint", "lsp", "extract", "syntax", "install", "version", "help", "primer");
    private static final Set<String> STRING_FLAGS = Set.of("stdin-port", "tcp", "lib-path", "config");

    final String subcommand;
    /** Every token after the program name, the subcommand removed (what sys("args") holds). */
    final List<String> args;
    final List<String> positional;
    /** Flag name (without dashes) to value: String, Double or Boolean.TRUE. */
    final Map<String, Object> flags;

    private CommandLine(String subcommand, List<String> args, List<String> positional, Map<String, Object> flags) {
        this.subcommand = subcommand;
        this.args = args;
        this.positional = positional;
        this.flags = flags;
    }

    public static CommandLine parse(String[] argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        String sub = null;
        if (!args.isEmpty()) {
            String name = stripDashes(args.get(0));
            if (SUBCOMMANDS.contains(name)) {
                sub = name;
                args.remove(0);
            }
        }
        List<String> positional = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-")) {
                break;
            }
            positional.add(a);
        }
        Map<String, Object> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                continue;
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                String name = stripDashes(a.substring(0, eq));
                flags.put(name, flagValue(name, a.substring(eq + 1)));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                String name = stripDashes(a);
                flags.put(name, flagValue(name, args.get(++i)));
            } else {
                flags.put(stripDashes(a), Boolean.TRUE);
            }
        }
        return new CommandLine(sub, List.copyOf(args), List.copyOf(positional), flags);
    }

    private static Object flagValue(String name, String value) {
        if (STRING_FLAGS.contains(name)) {
            return value;
        }
        Double n = duso.lang.values.GoNumbers.parseFloat(value);
        return n != null ? n : value;
    }

    private static String stripDashes(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        return s.substring(i);
    }

    boolean flag(String name) {
        return Boolean.TRUE.equals(flags.get(name));
    }
}
