package duso.sql;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * PostgreSQL's own {@code $1, $2 …} placeholders, which the reference passes to the server
 * untouched (lib/pq does not rewrite {@code ?}), expressed through pgjdbc, which only knows
 * {@code ?}: each {@code $n} becomes a {@code ?} bound to argument n (so {@code $1} may appear
 * twice, or after {@code $2}), and a literal {@code ?} (an operator such as jsonb's) is doubled so
 * pgjdbc sends it as written. String literals, quoted names, dollar-quoted bodies and comments
 * are copied unchanged.
 *
 * @param jdbcSql the statement for pgjdbc, one {@code ?} per placeholder occurrence
 * @param occurrences the placeholder number of each {@code ?} in jdbcSql, in order
 * @param required the highest placeholder number: the argument count the server asks for
 * @param firstMissing the lowest number from 0 to {@code required} that does not appear
 *     ($0 is never valid, so 0 means a "$0" was written), or -1 when all from 1 on do
 * @param multipleStatements whether a second statement follows a {@code ;}
 * @param firstPosition the 1-based character position of the first placeholder, or 0
 */
record PgPlaceholders(String jdbcSql, int[] occurrences, int required,
                      int firstMissing, boolean multipleStatements, int firstPosition) {

    /** PostgreSQL's limit on a statement's parameters. */
    private static final int MAX_PARAMETERS = 65535;

    static PgPlaceholders of(String sql) {
        StringBuilder jdbc = new StringBuilder(sql.length() + 8);
        List<Integer> occurrences = new ArrayList<>();
        BitSet seen = new BitSet();
        int required = 0;
        boolean afterSemicolon = false;
        boolean multiple = false;
        int firstPosition = 0;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end = skipQuotedOrComment(sql, i);
            if (end > i) {
                boolean comment = c == '-' || c == '/';
                if (afterSemicolon && !comment) {
                    multiple = true;
                }
                jdbc.append(sql, i, end);
                i = end;
                continue;
            }
            if (c == '$' && (i == 0 || !identifierPart(sql.charAt(i - 1)))
                    && i + 1 < n && isDigit(sql.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && isDigit(sql.charAt(j))) {
                    j++;
                }
                int number = parse(sql, i + 1, j);
                if (occurrences.isEmpty()) {
                    firstPosition = sql.codePointCount(0, i) + 1;
                }
                occurrences.add(number);
                required = Math.max(required, number);
                if (number <= MAX_PARAMETERS) {
                    seen.set(number);
                }
                jdbc.append('?');
                if (afterSemicolon) {
                    multiple = true;
                }
                i = j;
                continue;
            }
            if (c == '?') {
                jdbc.append("??");
            } else {
                jdbc.append(c);
            }
            if (c == ';') {
                afterSemicolon = true;
            } else if (afterSemicolon && !Character.isWhitespace(c)) {
                multiple = true;
            }
            i++;
        }
        int firstMissing = seen.get(0) ? 0 : seen.nextClearBit(1);
        if (firstMissing > required) {
            firstMissing = -1;
        }
        int[] occ = occurrences.stream().mapToInt(Integer::intValue).toArray();
        return new PgPlaceholders(jdbc.toString(), occ, required, firstMissing, multiple, firstPosition);
    }

    /** The end of a literal, quoted name, dollar-quoted body or comment starting at i, else i. */
    private static int skipQuotedOrComment(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == '\'') {
            boolean backslashes = i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e')
                    && (i < 2 || !identifierPart(s.charAt(i - 2)));
            return closeQuote(s, i + 1, '\'', backslashes);
        }
        if (c == '"') {
            return closeQuote(s, i + 1, '"', false);
        }
        if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? n : nl + 1;
        }
        if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
            int depth = 1;
            int j = i + 2;
            while (j < n && depth > 0) {
                if (s.startsWith("/*", j)) {
                    depth++;
                    j += 2;
                } else if (s.startsWith("*/", j)) {
                    depth--;
                    j += 2;
                } else {
                    j++;
                }
            }
            return j;
        }
        if (c == '$' && (i == 0 || !identifierPart(s.charAt(i - 1)))) {
            int j = i + 1;
            if (j < n && !isDigit(s.charAt(j))) {
                while (j < n && identifierPart(s.charAt(j)) && s.charAt(j) != '$') {
                    j++;
                }
                if (j < n && s.charAt(j) == '$') {
                    String tag = s.substring(i, j + 1);
                    int close = s.indexOf(tag, j + 1);
                    return close < 0 ? n : close + tag.length();
                }
            }
        }
        return i;
    }

    private static int closeQuote(String s, int from, char quote, boolean backslashes) {
        int n = s.length();
        int j = from;
        while (j < n) {
            char c = s.charAt(j);
            if (backslashes && c == '\\') {
                j += 2;
                continue;
            }
            if (c == quote) {
                if (j + 1 < n && s.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return n;
    }

    private static boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int parse(String s, int from, int to) {
        long v = 0;
        for (int k = from; k < to && v <= Integer.MAX_VALUE; k++) {
            v = v * 10 + (s.charAt(k) - '0');
        }
        return (int) Math.min(v, Integer.MAX_VALUE - 1);
    }
}
