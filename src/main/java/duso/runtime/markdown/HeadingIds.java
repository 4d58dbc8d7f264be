package duso.runtime.markdown;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.SourceSpan;

/**
 * Heading ids as the reference makes them: from the heading's raw markdown text (not its
 * rendered text), with inline syntax characters dropped and the rest slugified.
 */
final class HeadingIds {
    private static final Pattern SYNTAX = Pattern.compile("[*_`~=]");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern SPACE = Pattern.compile("[\\t\\n\\f\\r _]+");
    private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9-]");
    private static final Pattern DASHES = Pattern.compile("-+");

    private HeadingIds() {}

    static String id(Heading h, String source) {
        String s = SYNTAX.matcher(rawText(h, source)).replaceAll("").toLowerCase(Locale.ROOT);
        s = TAG.matcher(s).replaceAll("");
        s = SPACE.matcher(s).replaceAll("-");
        s = NON_SLUG.matcher(s).replaceAll("");
        s = DASHES.matcher(s).replaceAll("-");
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == '-') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == '-') {
            b--;
        }
        return s.substring(a, b);
    }

    /** The heading's content as written: ATX markers stripped, setext lines joined. */
    static String rawText(Heading h, String source) {
        List<SourceSpan> spans = h.getSourceSpans();
        if (spans.isEmpty()) {
            return "";
        }
        if (spans.size() == 1) {
            return atxText(text(spans.getFirst(), source).strip());
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < spans.size() - 1; i++) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(stripLeft(text(spans.get(i), source)));
        }
        return stripRight(b.toString());
    }

    private static String atxText(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == '#') {
            i++;
        }
        String text = stripRight(stripLeft(line.substring(i)));
        int j = text.length();
        while (j > 0 && text.charAt(j - 1) == '#') {
            j--;
        }
        if (j < text.length() && (j == 0 || text.charAt(j - 1) == ' ' || text.charAt(j - 1) == '\t')) {
            text = stripRight(text.substring(0, j));
        }
        return text;
    }

    private static String text(SourceSpan span, String source) {
        int start = span.getInputIndex();
        return source.substring(start, Math.min(source.length(), start + span.getLength()));
    }

    private static String stripLeft(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return s.substring(i);
    }

    private static String stripRight(String s) {
        int i = s.length();
        while (i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
            i--;
        }
        return s.substring(0, i);
    }
}
