package duso.runtime.exec;

import duso.lang.lexer.GoQuote;
import duso.runtime.Args;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What {@code exec()} may run, decided once at startup from {@code -allow-exec}. Each entry is
 * resolved to an absolute path here, so nothing a script does later (PATH, cwd) can change which
 * binary a permitted name means; an entry that resolves to nothing stops the boot. An entry may
 * pin leading arguments ("systemctl restart arland"). A bare flag permits anything, looked up
 * on PATH per call, and says so loudly.
 */
public final class ExecAllowList {
    /** exec() without the flag: every call refused. */
    public static final ExecAllowList DISABLED = new ExecAllowList(false, false, List.of(), null);

    private static final String ALLOW_ALL_WARNING =
            "warning: -allow-exec with no command list - exec() can run anything this user can run";
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "fish", "csh", "tcsh");

    /** A permitted entry: the name as written, its absolute path, and the arguments it pins. */
    private record Rule(String name, String path, List<String> prefix) {
        boolean admits(List<String> argv) {
            return argv.size() >= prefix.size() && argv.subList(0, prefix.size()).equals(prefix);
        }

        String spelled() {
            return prefix.isEmpty() ? name : name + " " + String.join(" ", prefix);
        }
    }

    /** An entry that names nothing runnable: the CLI prints the message and exits 1. */
    public static final class BootFailure extends Exception {
        public BootFailure(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean enabled;
    private final boolean allowAll;
    private final List<Rule> rules;
    /** The working directory a bare-flag lookup of a relative command resolves against. */
    private final Path cwd;

    private ExecAllowList(boolean enabled, boolean allowAll, List<Rule> rules, Path cwd) {
        this.enabled = enabled;
        this.allowAll = allowAll;
        this.rules = rules;
        this.cwd = cwd;
    }

    /**
     * Reads the flag's value as the command line parsed it: absent (null), a list (String), or
     * anything else (a bare flag is TRUE, a number is not a list) meaning "anything goes".
     */
    public static ExecAllowList fromFlag(Object flag, Path cwd, Consumer<String> warn) throws BootFailure {
        if (flag == null) {
            return DISABLED;
        }
        List<Rule> rules = new ArrayList<>();
        if (flag instanceof String list) {
            for (String entry : list.split(",", -1)) {
                String[] tokens = entry.strip().split("\\s+");
                if (tokens[0].isEmpty()) {
                    continue;
                }
                String path = lookPath(tokens[0], cwd);
                if (path == null) {
                    throw new BootFailure("allow-exec: " + tokens[0] + " not found");
                }
                path = cwd.resolve(path).normalize().toString();
                if (SHELLS.contains(Path.of(path).getFileName().toString())) {
                    warn.accept("warning: -allow-exec permits " + tokens[0] + " - a shell can run anything");
                }
                rules.add(new Rule(tokens[0], path, List.of(tokens).subList(1, tokens.length)));
            }
        }
        if (rules.isEmpty()) {
            warn.accept(ALLOW_ALL_WARNING);
            return new ExecAllowList(true, true, List.of(), cwd);
        }
        return new ExecAllowList(true, false, List.copyOf(rules), cwd);
    }

    /**
     * The path to run for this call, or the script's error naming what would permit it.
     */
    public String resolve(String command, List<String> argv) {
        if (!enabled) {
            throw notPermitted(command);
        }
        if (allowAll) {
            String path = lookPath(command, cwd);
            if (path == null) {
                throw Args.error("exec: " + command + " not found");
            }
            return path;
        }
        List<String> sameName = new ArrayList<>();
        for (Rule r : rules) {
            if (r.name.equals(command) || r.path.equals(command)) {
                if (r.admits(argv)) {
                    return r.path;
                }
                sameName.add(r.spelled());
            }
        }
        if (!sameName.isEmpty()) {
            throw Args.error("exec: " + command + " not permitted with those args; permitted: "
                    + String.join(", ", sameName));
        }
        throw notPermitted(command);
    }

    private static duso.lang.errors.DusoError notPermitted(String command) {
        return Args.error("exec: " + command + " not permitted; start duso with -allow-exec " + GoQuote.quote(command));
    }

    /**
     * Go's exec.LookPath on unix: a name with a slash is taken as a path (relative to cwd),
     * otherwise the first executable regular file of that name on PATH; null when none.
     */
    static String lookPath(String name, Path cwd) {
        if (name.contains("/")) {
            return executable(cwd.resolve(name)) ? name : null;
        }
        String pathVar = System.getenv("PATH");
        if (pathVar == null || name.isEmpty()) {
            return null;
        }
        for (String dir : pathVar.split(":", -1)) {
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            if (executable(cwd.resolve(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}
