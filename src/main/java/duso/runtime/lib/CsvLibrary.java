package duso.runtime.lib;

import duso.lang.values.DusoArray;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.formats.CsvException;
import duso.runtime.formats.CsvReader;
import duso.runtime.formats.CsvWriter;
import java.util.Arrays;
import java.util.List;

/**
 * parse_csv and format_csv over Go's {@code encoding/csv} rules ({@link CsvReader},
 * {@link CsvWriter}). The delimiter is the first character of the optional second argument
 * (any character, e.g. a tab or "→"); a missing, empty or non-string delimiter means a comma.
 */
public final class CsvLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("parse_csv", CsvLibrary::parse);
        r.add("format_csv", CsvLibrary::format);
    }

    private static int delimiter(Args a) {
        Object d = a.get(1, "delimiter");
        return d instanceof String s && !s.isEmpty() ? s.codePointAt(0) : ',';
    }

    private static Object parse(Args a) {
        String text = a.string(0, "str", "a string as first argument");
        List<String[]> records;
        try {
            records = CsvReader.readAll(text, delimiter(a));
        } catch (CsvException e) {
            throw Args.error("parse_csv() error: " + e.getMessage());
        }
        Object[] rows = new Object[records.size()];
        for (int i = 0; i < rows.length; i++) {
            String[] fields = records.get(i);
            rows[i] = DusoArray.wrap(Arrays.copyOf(fields, fields.length, Object[].class));
        }
        return DusoArray.wrap(rows);
    }

    private static Object format(Args a) {
        DusoArray rows = a.array(0, "array", "an array as first argument");
        CsvWriter writer = new CsvWriter(delimiter(a));
        try {
            for (int i = 0; i < rows.size(); i++) {
                Object row = rows.get(i);
                if (row instanceof DusoArray fields) {
                    String[] record = new String[fields.size()];
                    for (int k = 0; k < record.length; k++) {
                        record[k] = field(fields.get(k));
                    }
                    writer.write(record);
                } else {
                    writer.write(new String[] {field(row)}); // a bare value is a one-field row
                }
            }
        } catch (CsvException e) {
            throw Args.error("format_csv() error: " + e.getMessage());
        }
        return writer.text();
    }

    /** nil is an empty field (not "nil", which would read back as text); others as in "" + v. */
    private static String field(Object v) {
        return v == Nil.NIL ? "" : Render.concat(v);
    }
}
