package duso.server;

import duso.runtime.GoHeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A multipart/form-data body already held in memory (its size was limited on arrival),
 * split into form values and uploaded files the way Go's {@code multipart.Reader.ReadForm}
 * splits them: a part needs a form-data name; with a {@code filename} it is a file (the
 * base name is kept), otherwise a value. Malformed input ends parsing with what was read
 * so far and marks the result failed; it never throws.
 */
final class Multipart {
    private Multipart() {}

    private static final byte[] CRLF2 = {'\r', '\n', '\r', '\n'};

    /** One uploaded file: field name, base file name, the part's Content-Type ("" if none), bytes. */
    record FilePart(String field, String filename, String contentType, byte[] data) {}

    record Result(FormValues values, List<FilePart> files, boolean failed) {}

    static Result parse(byte[] body, String boundary, int maxParts) {
        FormValues values = new FormValues();
        List<FilePart> files = new ArrayList<>();
        byte[] dash = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, dash, 0);
        if (at < 0) {
            return new Result(values, files, true);
        }
        int parts = 0;
        while (true) {
            int p = at + dash.length;
            if (p + 1 < body.length && body[p] == '-' && body[p + 1] == '-') {
                return new Result(values, files, false);
            }
            int lineEnd = indexOf(body, new byte[] {'\n'}, p);
            if (lineEnd < 0) {
                return new Result(values, files, true);
            }
            int headersStart = lineEnd + 1;
            int headersEnd;
            int contentStart;
            if (startsWith(body, headersStart, "\r\n")) {
                headersEnd = headersStart;
                contentStart = headersStart + 2;
            } else {
                headersEnd = indexOf(body, CRLF2, headersStart);
                contentStart = headersEnd + 4;
                if (headersEnd < 0) {
                    return new Result(values, files, true);
                }
            }
            byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int next = indexOf(body, delimiter, contentStart);
            if (next < 0) {
                return new Result(values, files, true);
            }
            if (++parts > maxParts) {
                return new Result(values, files, true);
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, next);
            addPart(headers, content, values, files);
            at = next + 2;
        }
    }

    private static void addPart(String headers, byte[] content, FormValues values, List<FilePart> files) {
        String disposition = "";
        String type = "";
        for (String line : headers.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = GoHeaderNames.canonical(line.substring(0, colon).strip());
            String value = line.substring(colon + 1).strip();
            if (name.equals("Content-Disposition") && disposition.isEmpty()) {
                disposition = value;
            } else if (name.equals("Content-Type") && type.isEmpty()) {
                type = value;
            }
        }
        String[] fields = disposition.split(";");
        if (!fields[0].strip().toLowerCase(Locale.ROOT).equals("form-data")) {
            return;
        }
        String field = param(fields, "name");
        if (field == null || field.isEmpty()) {
            return;
        }
        String filename = param(fields, "filename");
        if (filename == null || filename.isEmpty()) {
            values.add(field, new String(content, StandardCharsets.UTF_8));
            return;
        }
        files.add(new FilePart(field, baseName(filename), type, content));
    }

    private static String param(String[] fields, String name) {
        for (int i = 1; i < fields.length; i++) {
            String f = fields[i].strip();
            int eq = f.indexOf('=');
            if (eq > 0 && f.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals(name)) {
                String v = f.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
                }
                return v;
            }
        }
        return null;
    }

    /** Go's filepath.Base on Unix: the last slash-separated element. */
    private static String baseName(String name) {
        String n = name;
        while (n.length() > 1 && n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        int slash = n.lastIndexOf('/');
        String base = slash >= 0 && n.length() > 1 ? n.substring(slash + 1) : n;
        return base.isEmpty() ? "." : base;
    }

    private static boolean startsWith(byte[] body, int at, String s) {
        byte[] p = s.getBytes(StandardCharsets.ISO_8859_1);
        return at + p.length <= body.length && indexOf(body, p, at) == at;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        int last = haystack.length - needle.length;
        byte first = needle[0];
        for (int i = Math.max(0, from); i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            int j = 1;
            while (j < needle.length && haystack[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }
}
