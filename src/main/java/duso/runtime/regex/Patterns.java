package duso.runtime.regex;

import com.google.re2j.Pattern;
import duso.lang.nodes.RegexCompiler;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled RE2 patterns for the string and regex builtins, cached by source text.
 *
 * <p>Scripts pass the same few patterns over and over ({@code starts_with(s, ~re~)} in a loop,
 * whose anchored twin must be compiled, or a regex with ignore_case), and compiling costs far
 * more than matching a short string. The cache is shared by every script and thread
 * (re2j patterns are immutable); it is simply emptied when it grows past its bound, so a
 * script that builds endless distinct patterns cannot make it hold on to memory.
 */
public final class Patterns {
    private static final int MAX_ENTRIES = 1024;
    private static final ConcurrentHashMap<String, Pattern> EXACT = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Pattern> IGNORE_CASE = new ConcurrentHashMap<>();

    private Patterns() {}

    /**
     * The compiled form of an RE2 pattern, case-insensitive when asked.
     *
     * @throws com.google.re2j.PatternSyntaxException when the pattern is invalid
     */
    public static Pattern compile(String pattern, boolean ignoreCase) {
        ConcurrentHashMap<String, Pattern> cache = ignoreCase ? IGNORE_CASE : EXACT;
        Pattern p = cache.get(pattern);
        if (p == null) {
            p = RegexCompiler.compile(pattern, ignoreCase);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(pattern, p);
        }
        return p;
    }
}
