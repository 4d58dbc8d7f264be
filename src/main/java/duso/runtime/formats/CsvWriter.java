package duso.runtime.formats;

import duso.lang.lexer.GoStrings;

/**
 * CSV text as Go's {@code encoding/csv} Writer writes it with its defaults: fields joined by the
 * delimiter, every record ended by LF (the last one too), and a field quoted only when it must
 * be (it holds the delimiter, a quote, CR or LF, starts with whitespace, or is {@code \.}),
 * with quotes inside doubled.
 */
public final class CsvWriter {
    private final StringBuilder out = new StringBuilder();
    private final int comma;
    private final String commaText;

    public CsvWriter(int comma) {
        this.comma = comma;
        this.commaText = new String(Character.toChars(comma));
    }

    /** Go accepts any rune as a delimiter except NUL, quote, CR, LF, U+FFFD and surrogates. */
    public static boolean validDelimiter(int r) {
        return r != 0 && r != '"' && r != '\r' && r != '\n' && r != 0xFFFD
                && r <= Character.MAX_CODE_POINT && !(r >= 0xD800 && r <= 0xDFFF);
    }

    /** Appends one record. */
    public void write(String[] record) {
        if (!validDelimiter(comma)) {
            throw new CsvException("csv: invalid field or comment delimiter");
        }
        for (int i = 0; i < record.length; i++) {
            if (i > 0) {
                out.append(commaText);
            }
            String field = record[i];
            if (!needsQuotes(field)) {
                out.append(field);
                continue;
            }
            out.append('"');
            for (int k = 0; k < field.length(); k++) {
                char c = field.charAt(k);
                out.append(c);
                if (c == '"') {
                    out.append('"');
                }
            }
            out.append('"');
        }
        out.append('\n');
    }

    private boolean needsQuotes(String field) {
        if (field.isEmpty()) {
            return false;
        }
        if (field.equals("\\.")) {
            return true;
        }
        if (field.contains(commaText)) {
            return true;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return GoStrings.isSpace(field.codePointAt(0));
    }

    public String text() {
        return out.toString();
    }
}
