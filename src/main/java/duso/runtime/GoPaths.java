package duso.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Slash-separated path strings computed the way the reference computes them (Go's
 * {@code path} package: Clean, Join, Dir, Base, Match, plus its own Rel). Error messages,
 * module search lists and list_files results show paths in exactly this form, so the strings
 * are built here and only turned into real {@link Path}s (against the runtime's working
 * directory, never the JVM's) when a file is touched.
 */
public final class GoPaths {
    private GoPaths() {}

    /** A pattern that does not parse (Go's {@code path.ErrBadPattern}). */
    public static final class BadPatternException extends Exception {
        BadPatternException() {
            super("syntax error in pattern", null, false, false);
        }
    }

    public static boolean isAbsolute(String p) {
        return p.startsWith("/");
    }

    /** {@code /NAME/…} for the reference's special roots (EMBED, STORE, HERE, CWD). */
    public static boolean hasRoot(String p, String root) {
        return p.startsWith("/" + root + "/");
    }

    /** The path below a special root ({@code /STORE/a/b} → {@code a/b}), or p unchanged. */
    public static String belowRoot(String p, String root) {
        return hasRoot(p, root) ? p.substring(root.length() + 2) : p;
    }

    /** Absolute, or one of the special roots: a path the caller spelled out in full. */
    public static boolean isAbsoluteOrSpecial(String p) {
        return isAbsolute(p) || hasRoot(p, "EMBED") || hasRoot(p, "STORE") || hasRoot(p, "HERE") || hasRoot(p, "CWD");
    }

    /** The shortest equivalent path: no empty or "." elements, ".." folded where possible. */
    public static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.charAt(0) == '/';
        List<String> parts = new ArrayList<>();
        for (String seg : p.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else if (!rooted) {
                    parts.add("..");
                }
                continue;
            }
            parts.add(seg);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** The non-empty elements joined with "/" and cleaned; "" when all are empty. */
    public static String join(String... elements) {
        StringBuilder b = new StringBuilder();
        for (String e : elements) {
            if (e.isEmpty()) {
                continue;
            }
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(e);
        }
        return b.length() == 0 ? "" : clean(b.toString());
    }

    /** Everything but the last element, cleaned ("." for a bare name). */
    public static String dir(String p) {
        int i = p.lastIndexOf('/');
        return clean(p.substring(0, i + 1));
    }

    /** The last element ("." for "", "/" for all slashes). */
    public static String base(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0) {
            return "/";
        }
        String trimmed = p.substring(0, end);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /**
     * The reference's relative path of target from base (its own algorithm, not Go's
     * filepath.Rel): null when one is absolute and the other is not the expected way round.
     */
    public static String rel(String base, String target) {
        if (isAbsolute(target) && !isAbsolute(base)) {
            return target;
        }
        if (!isAbsolute(target) && isAbsolute(base)) {
            return null;
        }
        base = clean(base);
        target = clean(target);
        if (base.equals(target)) {
            return ".";
        }
        if (target.startsWith(base + "/")) {
            return target.substring(base.length() + 1);
        }
        if (base.equals("/")) {
            return target.substring(1);
        }
        String[] bp = base.split("/", -1);
        String[] tp = target.split("/", -1);
        int common = 0;
        while (common < bp.length && common < tp.length && bp[common].equals(tp[common])) {
            common++;
        }
        StringBuilder b = new StringBuilder("../".repeat(bp.length - common));
        for (int i = common; i < tp.length; i++) {
            b.append(tp[i]);
            if (i < tp.length - 1) {
                b.append('/');
            }
        }
        String r = b.toString();
        if (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r.isEmpty() ? "." : r;
    }

    /** How a real path is shown: relative to the working directory when inside it. */
    public static String shown(Path real, Path cwd) {
        Path abs = real.toAbsolutePath().normalize();
        if (abs.equals(cwd)) {
            return ".";
        }
        if (abs.startsWith(cwd)) {
            return cwd.relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString().replace('\\', '/');
    }

    /** Whether a string contains glob metacharacters (Go's hasMeta). */
    public static boolean hasMeta(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    // ---- shell patterns (Go's path.Match) ----------------------------------------------------

    /**
     * Whether name matches the shell pattern: {@code *} (any run of non-slash characters),
     * {@code ?} (one non-slash character), {@code [a-z]}, {@code [^…]}, and {@code \} escapes.
     */
    public static boolean match(String pattern, String name) throws BadPatternException {
        String pat = pattern;
        String rest = name;
        outer:
        while (!pat.isEmpty()) {
            boolean star = false;
            int i = 0;
            while (i < pat.length() && pat.charAt(i) == '*') {
                i++;
                star = true;
            }
            pat = pat.substring(i);
            int chunkEnd = chunkEnd(pat);
            String chunk = pat.substring(0, chunkEnd);
            pat = pat.substring(chunkEnd);
            if (star && chunk.isEmpty()) {
                return rest.indexOf('/') < 0;
            }
            String t = matchChunk(chunk, rest);
            if (t != null && (t.isEmpty() || !pat.isEmpty())) {
                rest = t;
                continue;
            }
            if (star) {
                for (int k = 0; k < rest.length() && rest.charAt(k) != '/'; k++) {
                    String t2 = matchChunk(chunk, rest.substring(k + 1));
                    if (t2 != null) {
                        if (pat.isEmpty() && !t2.isEmpty()) {
                            continue;
                        }
                        rest = t2;
                        continue outer;
                    }
                }
            }
            // Not a match; a syntax error later in the pattern is still reported.
            while (!pat.isEmpty()) {
                int j = 0;
                while (j < pat.length() && pat.charAt(j) == '*') {
                    j++;
                }
                pat = pat.substring(j);
                int end = chunkEnd(pat);
                matchChunk(pat.substring(0, end), "");
                pat = pat.substring(end);
            }
            return false;
        }
        return rest.isEmpty();
    }

    /** End of the chunk before the next unescaped '*' outside brackets. */
    private static int chunkEnd(String pat) {
        boolean inRange = false;
        int i = 0;
        while (i < pat.length()) {
            char c = pat.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                inRange = true;
            } else if (c == ']') {
                inRange = false;
            } else if (c == '*' && !inRange) {
                break;
            }
            i++;
        }
        return Math.min(i, pat.length());
    }

    /**
     * Matches one chunk (no '*') at the start of s: the rest of s, or null when it does not
     * match. Malformed chunks throw even when s is empty, so patterns are always validated.
     */
    private static String matchChunk(String chunk, String s) throws BadPatternException {
        boolean failed = false;
        int ci = 0;
        int si = 0;
        while (ci < chunk.length()) {
            if (!failed && si >= s.length()) {
                failed = true;
            }
            char c = chunk.charAt(ci);
            if (c == '[') {
                int r = 0;
                if (!failed) {
                    r = s.codePointAt(si);
                    si += Character.charCount(r);
                }
                ci++;
                boolean negated = ci < chunk.length() && chunk.charAt(ci) == '^';
                if (negated) {
                    ci++;
                }
                boolean matched = false;
                int ranges = 0;
                while (true) {
                    if (ci < chunk.length() && chunk.charAt(ci) == ']' && ranges > 0) {
                        ci++;
                        break;
                    }
                    int[] lo = escapedChar(chunk, ci);
                    ci = lo[1];
                    int hi = lo[0];
                    if (ci < chunk.length() && chunk.charAt(ci) == '-') {
                        int[] h = escapedChar(chunk, ci + 1);
                        hi = h[0];
                        ci = h[1];
                    }
                    if (lo[0] <= r && r <= hi) {
                        matched = true;
                    }
                    ranges++;
                }
                if (matched == negated) {
                    failed = true;
                }
            } else if (c == '?') {
                if (!failed) {
                    if (s.charAt(si) == '/') {
                        failed = true;
                    }
                    si += Character.charCount(s.codePointAt(si));
                }
                ci++;
            } else if (c == '\\') {
                ci++;
                if (ci >= chunk.length()) {
                    throw new BadPatternException();
                }
                failed = literal(chunk, ci, s, si, failed);
                if (!failed) {
                    si++;
                }
                ci++;
            } else {
                failed = literal(chunk, ci, s, si, failed);
                if (!failed) {
                    si++;
                }
                ci++;
            }
        }
        return failed ? null : s.substring(si);
    }

    private static boolean literal(String chunk, int ci, String s, int si, boolean failed) {
        return failed || si >= s.length() || chunk.charAt(ci) != s.charAt(si);
    }

    /** One (possibly escaped) character of a bracket expression: {code point, next index}. */
    private static int[] escapedChar(String chunk, int i) throws BadPatternException {
        if (i >= chunk.length()) {
            throw new BadPatternException();
        }
        char c = chunk.charAt(i);
        if (c == '-' || c == ']') {
            throw new BadPatternException();
        }
        if (c == '\\') {
            i++;
            if (i >= chunk.length()) {
                throw new BadPatternException();
            }
        }
        int cp = chunk.codePointAt(i);
        int next = i + Character.charCount(cp);
        if (next >= chunk.length()) {
            throw new BadPatternException(); // an unterminated bracket expression
        }
        return new int[] {cp, next};
    }
}
