package duso.server;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code http.DetectContentType}: the Content-Type the reference's server picks for a
 * response body when the handler set none (the WHATWG sniffing table over the first 512
 * bytes: HTML tags, XML, PDF, BOMs, images, audio/video, fonts, archives, then text or
 * {@code application/octet-stream}).
 */
final class ContentSniffer {
    private ContentSniffer() {}

    private static final String HTML = "text/html; charset=utf-8";
    private static final String[] HTML_TAGS = {"<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1",
        "<DIV", "<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--"};

    /** Signatures after the HTML tags: {mask (null = exact), pattern, type, skip-whitespace}. */
    private static final Object[][] SIGNATURES = {
        {all(5), b("<?xml"), "text/xml; charset=utf-8", true},
        {null, b("%PDF-"), "application/pdf", false},
        {null, b("%!PS-Adobe-"), "application/postscript", false},
        {b("\u00FF\u00FF\0\0"), b("\u00FE\u00FF\0\0"), "text/plain; charset=utf-16be", false},
        {b("\u00FF\u00FF\0\0"), b("\u00FF\u00FE\0\0"), "text/plain; charset=utf-16le", false},
        {b("\u00FF\u00FF\u00FF\0"), b("\u00EF\u00BB\u00BF\0"), "text/plain; charset=utf-8", false},
        {null, b("\0\0\u0001\0"), "image/x-icon", false},
        {null, b("\0\0\u0002\0"), "image/x-icon", false},
        {null, b("BM"), "image/bmp", false},
        {null, b("GIF87a"), "image/gif", false},
        {null, b("GIF89a"), "image/gif", false},
        {b("\u00FF\u00FF\u00FF\u00FF\0\0\0\0\u00FF\u00FF\u00FF\u00FF\u00FF\u00FF"), b("RIFF\0\0\0\0WEBPVP"),
            "image/webp", false},
        {null, b("\u0089PNG\r\n\u001A\n"), "image/png", false},
        {null, b("\u00FF\u00D8\u00FF"), "image/jpeg", false},
        {b("\u00FF\u00FF\u00FF\u00FF\0\0\0\0\u00FF\u00FF\u00FF\u00FF"), b("FORM\0\0\0\0AIFF"), "audio/aiff", false},
        {all(3), b("ID3"), "audio/mpeg", false},
        {all(5), b("OggS\0"), "application/ogg", false},
        {all(8), b("MThd\0\0\0\u0006"), "audio/midi", false},
        {b("\u00FF\u00FF\u00FF\u00FF\0\0\0\0\u00FF\u00FF\u00FF\u00FF"), b("RIFF\0\0\0\0AVI "), "video/avi", false},
        {b("\u00FF\u00FF\u00FF\u00FF\0\0\0\0\u00FF\u00FF\u00FF\u00FF"), b("RIFF\0\0\0\0WAVE"), "audio/wave", false},
    };

    private static final Object[][] LATE_SIGNATURES = {
        {null, b("\u001A\u0045\u00DF\u00A3"), "video/webm", false},
        {fontMask(), fontPattern(), "application/vnd.ms-fontobject", false},
        {null, b("\0\u0001\0\0"), "font/ttf", false},
        {null, b("OTTO"), "font/otf", false},
        {null, b("ttcf"), "font/collection", false},
        {null, b("wOFF"), "font/woff", false},
        {null, b("wOF2"), "font/woff2", false},
        {null, b("\u001F\u008B\u0008"), "application/x-gzip", false},
        {null, b("PK\u0003\u0004"), "application/zip", false},
        {null, b("Rar!\u001A\u0007\0"), "application/x-rar-compressed", false},
        {null, b("Rar!\u001A\u0007\u0001\0"), "application/x-rar-compressed", false},
        {null, b("\0asm"), "application/wasm", false},
    };

    static String detect(byte[] body, int length) {
        int n = Math.min(length, 512);
        int ws = 0;
        while (ws < n && isWhitespace(body[ws])) {
            ws++;
        }
        for (String tag : HTML_TAGS) {
            if (htmlTag(body, n, ws, tag)) {
                return HTML;
            }
        }
        String t = match(SIGNATURES, body, n, ws);
        if (t == null && mp4(body, n)) {
            t = "video/mp4";
        }
        if (t == null) {
            t = match(LATE_SIGNATURES, body, n, ws);
        }
        if (t != null) {
            return t;
        }
        for (int i = ws; i < n; i++) {
            int c = body[i] & 0xFF;
            if (c <= 0x08 || c == 0x0B || c >= 0x0E && c <= 0x1A || c >= 0x1C && c <= 0x1F) {
                return "application/octet-stream";
            }
        }
        return "text/plain; charset=utf-8";
    }

    private static String match(Object[][] table, byte[] body, int n, int ws) {
        for (Object[] sig : table) {
            byte[] mask = (byte[]) sig[0];
            byte[] pat = (byte[]) sig[1];
            int start = (Boolean) sig[3] ? ws : 0;
            if (n - start < pat.length) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < pat.length && ok; i++) {
                byte d = body[start + i];
                ok = (mask == null ? d : (byte) (d & mask[i])) == pat[i];
            }
            if (ok) {
                return (String) sig[2];
            }
        }
        return null;
    }

    private static boolean htmlTag(byte[] body, int n, int ws, String tag) {
        if (n - ws < tag.length() + 1) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            int d = body[ws + i] & 0xFF;
            if (c >= 'A' && c <= 'Z') {
                d &= 0xDF;
            }
            if (d != c) {
                return false;
            }
        }
        byte next = body[ws + tag.length()];
        return next == ' ' || next == '>';
    }

    private static boolean mp4(byte[] b, int n) {
        if (n < 12) {
            return false;
        }
        long box = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        if (n < box || box % 4 != 0 || b[4] != 'f' || b[5] != 't' || b[6] != 'y' || b[7] != 'p') {
            return false;
        }
        for (int st = 8; st < box; st += 4) {
            if (st != 12 && b[st] == 'm' && b[st + 1] == 'p' && b[st + 2] == '4') {
                return true;
            }
        }
        return false;
    }

    private static boolean isWhitespace(byte c) {
        return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
    }

    private static byte[] b(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] all(int n) {
        byte[] m = new byte[n];
        java.util.Arrays.fill(m, (byte) 0xFF);
        return m;
    }

    private static byte[] fontMask() {
        byte[] m = new byte[36];
        m[34] = (byte) 0xFF;
        m[35] = (byte) 0xFF;
        return m;
    }

    private static byte[] fontPattern() {
        byte[] p = new byte[36];
        p[34] = 'L';
        p[35] = 'P';
        return p;
    }
}
