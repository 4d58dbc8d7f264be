package duso.runtime.formats;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV records as Go's {@code encoding/csv} Reader reads them with its defaults (strict quotes,
 * no comments, no space trimming, and every record as long as the first).
 *
 * <p>Lines end at LF; CRLF counts as LF, also inside quoted fields, and a CR just before the end
 * of input is dropped. Blank lines are skipped. Errors are Go's {@code ParseError} texts, with
 * 1-based line numbers and 1-based byte columns, so the reader walks the UTF-8 bytes.
 */
public final class CsvReader {
    private static final String BARE_QUOTE = "bare \" in non-quoted-field";
    private static final String QUOTE = "extraneous or missing \" in quoted-field";
    private static final byte[] QUOTE_BYTE = {'"'};

    private final byte[] src;
    private final byte[] comma;
    private int offset;
    private int lineNumber;
    private int fieldsPerRecord;

    // The current line: [lineStart, lineEnd) of src, with CRLF already counted as one LF.
    private int lineStart;
    private int lineEnd;
    private boolean lineHasLf;

    private CsvReader(String text, int comma) {
        this.src = text.getBytes(StandardCharsets.UTF_8);
        this.comma = new String(Character.toChars(comma)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Every record of the text, each an array of fields.
     *
     * @throws CsvException at the first malformed record, or for a delimiter Go refuses
     */
    public static List<String[]> readAll(String text, int comma) {
        if (!CsvWriter.validDelimiter(comma)) {
            throw new CsvException("csv: invalid field or comment delimiter");
        }
        CsvReader r = new CsvReader(text, comma);
        List<String[]> records = new ArrayList<>();
        for (String[] record = r.next(); record != null; record = r.next()) {
            records.add(record);
        }
        return records;
    }

    /** Reads the next line into lineStart/lineEnd; false at the end of input. */
    private boolean readLine() {
        if (offset >= src.length) {
            lineNumber++;
            lineStart = lineEnd = offset;
            lineHasLf = false;
            return false;
        }
        lineStart = offset;
        int lf = offset;
        while (lf < src.length && src[lf] != '\n') {
            lf++;
        }
        lineNumber++;
        if (lf < src.length) {
            offset = lf + 1;
            lineHasLf = true;
            lineEnd = lf > lineStart && src[lf - 1] == '\r' ? lf - 1 : lf; // CRLF reads as LF
        } else {
            offset = lf;
            lineHasLf = false;
            lineEnd = lf > lineStart && src[lf - 1] == '\r' ? lf - 1 : lf; // CR before EOF dropped
        }
        return true;
    }

    private String[] next() {
        do {
            if (!readLine()) {
                return null;
            }
        } while (lineEnd == lineStart); // blank line (or a lone CR at the very end)

        int recordLine = lineNumber;
        int fieldLine = lineNumber;
        int col = 1;
        int p = lineStart;
        List<String> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        while (true) {
            if (p >= lineEnd || src[p] != '"') {
                int i = indexOf(comma, p, lineEnd);
                int stop = i >= 0 ? i : lineEnd;
                for (int j = p; j < stop; j++) {
                    if (src[j] == '"') {
                        throw error(recordLine, lineNumber, col + (j - p), BARE_QUOTE);
                    }
                }
                fields.add(new String(src, p, stop - p, StandardCharsets.UTF_8));
                if (i < 0) {
                    break;
                }
                col += i - p + comma.length;
                p = i + comma.length;
                continue;
            }
            // Quoted field: runs until a quote followed by the delimiter or the end of a line.
            p++;
            col++;
            field.reset();
            boolean nextField = false;
            while (true) {
                int q = indexOf(QUOTE_BYTE, p, lineEnd);
                if (q >= 0) {
                    field.write(src, p, q - p);
                    col += q - p + 1;
                    p = q + 1;
                    if (p < lineEnd && src[p] == '"') {
                        field.write('"');
                        p++;
                        col++;
                    } else if (startsWith(comma, p, lineEnd)) {
                        p += comma.length;
                        col += comma.length;
                        nextField = true;
                        break;
                    } else if (p == lineEnd) {
                        break;
                    } else {
                        throw error(recordLine, lineNumber, col - 1, QUOTE);
                    }
                } else if (p < lineEnd || lineHasLf) {
                    // The field goes on past this line: keep its text and the line break.
                    field.write(src, p, lineEnd - p);
                    col += lineEnd - p;
                    if (lineHasLf) {
                        field.write('\n');
                        col++;
                    }
                    if (readLine()) {
                        fieldLine++;
                        col = 1;
                    }
                    p = lineStart;
                } else {
                    throw error(recordLine, fieldLine, col, QUOTE);
                }
            }
            fields.add(field.toString(StandardCharsets.UTF_8));
            if (!nextField) {
                break;
            }
        }
        String[] record = fields.toArray(new String[0]);
        if (fieldsPerRecord == 0) {
            fieldsPerRecord = record.length;
        } else if (record.length != fieldsPerRecord) {
            throw new CsvException("record on line " + recordLine + ": wrong number of fields");
        }
        return record;
    }

    private int indexOf(byte[] needle, int from, int to) {
        for (int i = from; i + needle.length <= to; i++) {
            if (startsWith(needle, i, to)) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(byte[] needle, int at, int to) {
        if (at + needle.length > to) {
            return false;
        }
        for (int k = 0; k < needle.length; k++) {
            if (src[at + k] != needle[k]) {
                return false;
            }
        }
        return true;
    }

    private static CsvException error(int startLine, int line, int column, String what) {
        if (startLine != line) {
            return new CsvException("record on line " + startLine + "; parse error on line " + line
                    + ", column " + column + ": " + what);
        }
        return new CsvException("parse error on line " + line + ", column " + column + ": " + what);
    }
}
