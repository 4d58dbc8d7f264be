package duso.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The query string, form values and uploaded files of one request, parsed as Go's
 * {@code ParseForm}/{@code ParseMultipartForm} parse them: an urlencoded body counts only
 * for POST, PUT and PATCH and its values come before the query's in {@code form}; a
 * multipart body (any method) gives {@code form} its non-file parts only. A parse error
 * leaves whatever parsed and is remembered, because the form-field limit is only checked
 * when parsing succeeded.
 */
final class RequestForms {
    final FormValues query;
    final FormValues form;
    final List<Multipart.FilePart> files;
    private final boolean consumedBody;
    private final boolean failed;

    private RequestForms(FormValues query, FormValues form, List<Multipart.FilePart> files, boolean consumedBody,
            boolean failed) {
        this.query = query;
        this.form = form;
        this.files = files;
        this.consumedBody = consumedBody;
        this.failed = failed;
    }

    boolean consumedBody() {
        return consumedBody;
    }

    /** True when parsing reported an error (the form-field limit is then not applied). */
    boolean failed() {
        return failed;
    }

    static RequestForms parse(IncomingRequest r, int maxParts) {
        FormValues query = new FormValues().parse(r.rawQuery);
        String type = r.header("Content-Type");
        if (type.contains("application/x-www-form-urlencoded")) {
            FormValues form = new FormValues();
            boolean consumed = false;
            if (r.method.equals("POST") || r.method.equals("PUT") || r.method.equals("PATCH")) {
                form.parse(new String(r.body, StandardCharsets.UTF_8));
                consumed = true;
            }
            boolean failed = form.malformed() || query.malformed();
            form.addAll(query);
            return new RequestForms(query, form, List.of(), consumed, failed);
        }
        if (type.contains("multipart/form-data")) {
            String boundary = boundary(type);
            if (boundary == null) {
                return new RequestForms(query, new FormValues(), List.of(), true, true);
            }
            Multipart.Result m = Multipart.parse(r.body, boundary, maxParts);
            return new RequestForms(query, m.values(), m.files(), true, m.failed());
        }
        return new RequestForms(query, new FormValues(), List.of(), false, false);
    }

    /** The boundary parameter of a multipart Content-Type (quoted or not), or null. */
    static String boundary(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("boundary")) {
                String v = p.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }
}
