package duso.runtime.regex;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A replacement string as Go's {@code Regexp.Expand} reads it, parsed once per replace() call
 * and applied to every match.
 *
 * <p>{@code $$} is a dollar; {@code $name} and {@code ${name}} name a group by number or by
 * name, where a bare name is the longest run of letters, digits and underscores (so
 * {@code $1_} names a group "1_", which does not exist, and expands to nothing); a number with
 * a leading zero is a name. Groups that do not exist or did not take part in the match expand
 * to nothing, and a {@code $} not followed by a valid name stays a plain {@code $}. This is
 * applied even for literal patterns, whose only group is the whole match ($0).
 */
public final class Expansion {
    private static final int NO_GROUP = -1;

    /** Text pieces around the group references: texts[0] g[0] texts[1] … g[k-1] texts[k]. */
    private final String[] texts;
    private final int[] groups;

    private Expansion(String[] texts, int[] groups) {
        this.texts = texts;
        this.groups = groups;
    }

    /**
     * Parses a replacement for a pattern with {@code groupCount} capturing groups (group 0 is
     * the whole match) and these named groups.
     */
    public static Expansion parse(String template, int groupCount, Map<String, Integer> names) {
        List<String> texts = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int n = template.length();
        int i = 0;
        while (true) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            text.append(template, i, dollar);
            i = dollar + 1;
            if (i < n && template.charAt(i) == '$') {
                text.append('$');
                i++;
                continue;
            }
            boolean brace = i < n && template.charAt(i) == '{';
            int nameStart = brace ? i + 1 : i;
            int nameEnd = nameEnd(template, nameStart);
            if (nameEnd == nameStart || (brace && (nameEnd >= n || template.charAt(nameEnd) != '}'))) {
                text.append('$');
                continue;
            }
            String name = template.substring(nameStart, nameEnd);
            i = brace ? nameEnd + 1 : nameEnd;
            int group = resolve(name, groupCount, names);
            if (group != NO_GROUP) {
                texts.add(text.toString());
                text.setLength(0);
                groups.add(group);
            }
        }
        text.append(template, i, n);
        texts.add(text.toString());
        // A loop, not a stream: the stream classes are not in the AOT cache (docs/tuning.md).
        int[] groupArray = new int[groups.size()];
        for (int g = 0; g < groupArray.length; g++) {
            groupArray[g] = groups.get(g);
        }
        return new Expansion(texts.toArray(new String[0]), groupArray);
    }

    private static int nameEnd(String s, int from) {
        int j = from;
        while (j < s.length()) {
            int cp = s.codePointAt(j);
            if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
                break;
            }
            j += Character.charCount(cp);
        }
        return j;
    }

    /** The group a name refers to, or NO_GROUP. Digits only and no leading zero: a number. */
    private static int resolve(String name, int groupCount, Map<String, Integer> names) {
        int num = 0;
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (c < '0' || c > '9' || num >= 100_000_000) {
                num = -1;
                break;
            }
            num = num * 10 + (c - '0');
        }
        if (name.length() > 1 && name.charAt(0) == '0') {
            num = -1;
        }
        if (num >= 0) {
            return num <= groupCount ? num : NO_GROUP;
        }
        Integer g = names.get(name);
        return g == null ? NO_GROUP : g;
    }

    /** True when the replacement refers to no group: every match is replaced by {@link #constant}. */
    public boolean isConstant() {
        return groups.length == 0;
    }

    public String constant() {
        return texts[0];
    }

    /**
     * Appends the expansion for the match {@code [start, end)} of {@code src}; other groups
     * come from {@code matcher}, positioned on that match (null when there are none).
     */
    public void appendTo(StringBuilder b, String src, int start, int end, Matcher matcher) {
        b.append(texts[0]);
        for (int k = 0; k < groups.length; k++) {
            int g = groups[k];
            if (g == 0) {
                b.append(src, start, end);
            } else if (matcher != null) {
                int s = matcher.start(g);
                if (s >= 0) {
                    b.append(src, s, matcher.end(g));
                }
            }
            b.append(texts[k + 1]);
        }
    }
}
