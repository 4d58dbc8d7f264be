package duso.runtime.lib;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import duso.lang.errors.DusoError;
import duso.lang.nodes.RegexErrors;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.FunctionValue;
import duso.lang.values.Nil;
import duso.lang.values.Numbers;
import duso.lang.values.RegexValue;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.regex.CaseFold;
import duso.runtime.regex.Expansion;
import duso.runtime.regex.GoMatches;
import duso.runtime.regex.Patterns;
import java.util.Map;

/**
 * toregex, contains, starts_with, ends_with, find and replace: the builtins that take a
 * pattern, either a string (matched literally) or a regex value (RE2).
 *
 * <p>Matching follows Go's regexp package (see {@link GoMatches} and {@link Expansion}); string
 * patterns skip the regex engine, since {@code indexOf} (or {@link CaseFold} ignoring case)
 * finds the same matches. {@code ignore_case} also applies to regex values, as the reference's documentation
 * promises (the reference ignores it there; see docs/compatibility.md).
 */
public final class RegexLibrary implements Library {
    private static final String PATTERN_ARG = "a pattern (string or regex) as second argument";

    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("toregex", RegexLibrary::toRegex);
        r.add("contains", RegexLibrary::contains);
        r.add("starts_with", a -> anchored(a, true));
        r.add("ends_with", a -> anchored(a, false));
        r.add("find", RegexLibrary::find);
        r.add("replace", RegexLibrary::replace);
    }

    private static Object toRegex(Args a) {
        String pattern = a.string(0, "pattern", "a string pattern as first argument");
        try {
            return new RegexValue(pattern, Patterns.compile(pattern, false));
        } catch (PatternSyntaxException e) {
            throw Args.error("toregex() invalid pattern: " + RegexErrors.describe(e));
        }
    }

    /**
     * contains/starts_with/ends_with read their arguments by position only, and ignore_case
     * positionally first, then by name.
     */
    private static boolean positionalIgnoreCase(Args a) {
        if (a.raw().at(2) instanceof Boolean b) {
            return b;
        }
        return a.raw().named("ignore_case") instanceof Boolean b && b;
    }

    private static String positionalSubject(Args a) {
        if (a.raw().at(0) instanceof String s) {
            return s;
        }
        throw a.fail("a string as first argument");
    }

    private static Object contains(Args a) {
        String s = positionalSubject(a);
        Object pattern = a.raw().at(1);
        boolean ignoreCase = positionalIgnoreCase(a);
        if (pattern instanceof String literal) {
            return ignoreCase ? CaseFold.contains(s, literal) : s.contains(literal);
        }
        if (pattern instanceof RegexValue re) {
            return regex(a, re, ignoreCase).matcher(s).find();
        }
        throw a.fail(PATTERN_ARG);
    }

    /** starts_with/ends_with: a regex gets {@code ^} before or {@code $} after its source text. */
    private static Object anchored(Args a, boolean start) {
        String s = positionalSubject(a);
        Object pattern = a.raw().at(1);
        boolean ignoreCase = positionalIgnoreCase(a);
        if (pattern instanceof String literal) {
            if (ignoreCase) {
                return start ? CaseFold.startsWith(s, literal) : CaseFold.endsWith(s, literal);
            }
            return start ? s.startsWith(literal) : s.endsWith(literal);
        }
        if (pattern instanceof RegexValue re) {
            String source = start ? "^" + re.pattern() : re.pattern() + "$";
            return compile(a, source, ignoreCase).matcher(s).find();
        }
        throw a.fail(PATTERN_ARG);
    }

    private static Pattern compile(Args a, String pattern, boolean ignoreCase) {
        try {
            return Patterns.compile(pattern, ignoreCase);
        } catch (PatternSyntaxException e) {
            throw Args.error(a.function() + "() invalid regex: " + RegexErrors.describe(e));
        }
    }

    /** A regex value's pattern, recompiled case-insensitively when ignore_case is set. */
    private static Pattern regex(Args a, RegexValue re, boolean ignoreCase) {
        return ignoreCase ? compile(a, re.pattern(), true) : re.compiled();
    }

    /** The matches of find/replace's pattern argument (already checked to be given). */
    private static GoMatches matches(Args a, Object pattern, String s, boolean ignoreCase) {
        if (pattern instanceof String literal) {
            if (!literal.isEmpty()) {
                return GoMatches.literal(literal, ignoreCase, s);
            }
            return new GoMatches(Patterns.compile("", false), s);
        }
        if (pattern instanceof RegexValue re) {
            return new GoMatches(regex(a, re, ignoreCase), s);
        }
        throw a.fail(PATTERN_ARG);
    }

    private static Object givenPattern(Args a) {
        Object pattern = a.get(1, "pattern");
        if (pattern == null || pattern == Nil.NIL) {
            throw a.fail(PATTERN_ARG);
        }
        return pattern;
    }

    /** find(str, pattern [, ignore_case]): every match as {text, pos, len}, in runes. */
    private static Object find(Args a) {
        String s = a.string(0, "str", "a string as first argument");
        Object pattern = givenPattern(a);
        GoMatches m = matches(a, pattern, s, a.get(2, "ignore_case") instanceof Boolean b && b);
        DusoArray result = new DusoArray();
        while (m.next()) {
            DusoObject match = new DusoObject(4);
            match.put("text", s.substring(m.start(), m.end()));
            match.put("pos", Numbers.box(m.runeStart()));
            match.put("len", Numbers.box(m.runeLength()));
            result.add(match);
        }
        return result;
    }

    /**
     * replace(str, pattern, replacement [, ignore_case]): every match replaced by the expanded
     * replacement string, or by what the function returns for (text, pos, len).
     */
    private static Object replace(Args a) {
        String s = a.string(0, "str", "a string as first argument");
        Object pattern = givenPattern(a);
        Object replacement = a.get(2, "replacement");
        if (replacement == null || replacement == Nil.NIL) {
            throw a.fail("a replacement (string or function) as third argument");
        }
        GoMatches m = matches(a, pattern, s, a.get(3, "ignore_case") instanceof Boolean b && b);
        if (replacement instanceof String template) {
            return replaceWithTemplate(s, m, template);
        }
        if (replacement instanceof FunctionValue fn) {
            return replaceWithFunction(a, s, m, fn);
        }
        throw Args.error("replace() requires replacement to be a string or function");
    }

    private static String replaceWithTemplate(String s, GoMatches m, String template) {
        Expansion expansion = m.matcher() == null
                ? Expansion.parse(template, 0, Map.of())
                : Expansion.parse(template, m.matcher().groupCount(), m.matcher().pattern().namedGroups());
        if (!m.next()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        int copied = 0;
        do {
            b.append(s, copied, m.start());
            if (expansion.isConstant()) {
                b.append(expansion.constant());
            } else {
                expansion.appendTo(b, s, m.start(), m.end(), m.matcher());
            }
            copied = m.end();
        } while (m.next());
        return b.append(s, copied, s.length()).toString();
    }

    /** The function's result replaces the match when it is a string; anything else removes it. */
    private static String replaceWithFunction(Args a, String s, GoMatches m, FunctionValue fn) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        int copied = 0;
        while (m.next()) {
            int start = m.start();
            int end = m.end();
            Object out;
            try {
                out = a.interp().call(fn, s.substring(start, end), Numbers.box(m.runeStart()),
                        Numbers.box(m.runeLength()));
            } catch (DusoError e) {
                throw Args.error("replace() function error: " + e.render());
            }
            b.append(s, copied, start);
            if (out instanceof String text) {
                b.append(text);
            }
            copied = end;
        }
        return b.append(s, copied, s.length()).toString();
    }
}
