package duso.client;

import duso.lang.values.DusoObject;
import duso.runtime.Args;
import duso.runtime.GoHeaderNames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The RFC 5322 message send_mail() hands to the relay, laid out as the reference lays it out:
 * From, To, Cc (never Bcc), Subject (encoded-words when not plain ASCII), Date, Message-ID,
 * the caller's extra headers (never replacing those, and never able to start a line of their
 * own), MIME-Version, then one quoted-printable part, or text and html as the two parts of a
 * multipart/alternative body, plain text first.
 */
final class MailMessage {
    private MailMessage() {}

    /** The wire bytes (CRLF line ends, not yet dot-stuffed) and the generated Message-ID. */
    record Built(byte[] bytes, String messageId) {}

    /** Headers the builtin writes itself, by canonical name; the caller's copies are dropped. */
    private static final Set<String> OWN_HEADERS = Set.of("From", "To", "Cc", "Bcc", "Subject", "Date",
            "Message-Id", "Mime-Version", "Content-Type", "Content-Transfer-Encoding");
    private static final DateTimeFormatter RFC1123Z =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.US);
    private static final SecureRandom RANDOM = new SecureRandom();

    static Built build(DusoObject opts, String from, List<String> to, List<String> cc) {
        String text = SendMail.string(opts, "text", "");
        String html = SendMail.string(opts, "html", "");
        if (text.isEmpty() && html.isEmpty()) {
            throw Args.error("send_mail() requires a text or html body");
        }
        String messageId = "<" + randomHex(16) + "@" + domainOf(from) + ">";
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + 3 * (text.length() + html.length()));
        header(out, "From", headerForm(from));
        header(out, "To", headerForms(to));
        if (!cc.isEmpty()) {
            header(out, "Cc", headerForms(cc));
        }
        String subject = SendMail.string(opts, "subject", "");
        if (!subject.isEmpty()) {
            header(out, "Subject", MimeText.qWords(subject));
        }
        header(out, "Date", RFC1123Z.format(ZonedDateTime.now()));
        header(out, "Message-ID", messageId);
        if (opts.getOrNull("headers") instanceof DusoObject extra) {
            for (var e : extra.entries()) {
                String name = e.getKey();
                if (!OWN_HEADERS.contains(GoHeaderNames.canonical(name)) && isPlainName(name)) {
                    header(out, name, oneLine(SendMail.scalar(e.getValue())));
                }
            }
        }
        header(out, "MIME-Version", "1.0");
        if (!text.isEmpty() && !html.isEmpty()) {
            String boundary = randomHex(30);
            header(out, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
            ascii(out, "\r\n--" + boundary + "\r\n");
            part(out, "text/plain; charset=utf-8", text);
            ascii(out, "\r\n--" + boundary + "\r\n");
            part(out, "text/html; charset=utf-8", html);
            ascii(out, "\r\n--" + boundary + "--\r\n");
        } else {
            header(out, "Content-Type", text.isEmpty() ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
            header(out, "Content-Transfer-Encoding", "quoted-printable");
            ascii(out, "\r\n");
            MimeText.quotedPrintable(text.isEmpty() ? html : text, out);
        }
        return new Built(out.toByteArray(), messageId);
    }

    /** One part of the alternative; its headers in the order Go's multipart writer sorts them. */
    private static void part(ByteArrayOutputStream out, String contentType, String body) {
        header(out, "Content-Transfer-Encoding", "quoted-printable");
        header(out, "Content-Type", contentType);
        ascii(out, "\r\n");
        MimeText.quotedPrintable(body, out);
    }

    private static void header(ByteArrayOutputStream out, String name, String value) {
        out.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** An address for a header: its display name made header-safe, or the text as given. */
    private static String headerForm(String address) {
        String trimmed = duso.lang.lexer.GoStrings.trimSpace(address);
        try {
            MailAddress parsed = MailAddress.parse(trimmed);
            return parsed.name().isEmpty() ? trimmed : parsed.headerForm();
        } catch (MailAddress.Invalid e) {
            return trimmed;
        }
    }

    private static String headerForms(List<String> addresses) {
        StringBuilder b = new StringBuilder();
        for (String a : addresses) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(headerForm(a));
        }
        return b.toString();
    }

    /** A caller's header name: letters, digits, '-' and '_' only, so it cannot forge a line. */
    private static boolean isPlainName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** A caller's header value on one line: breaks and tabs become spaces, other controls go. */
    private static String oneLine(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\t') {
                b.append(' ');
            } else if (c >= ' ' && c != 0x7f) {
                b.append(c);
            }
        }
        return duso.lang.lexer.GoStrings.trimSpace(b.toString());
    }

    /** The sender's domain for the Message-ID, "localhost" when it has none. */
    private static String domainOf(String from) {
        try {
            String bare = SendMail.bareAddress(from);
            int at = bare.lastIndexOf('@');
            return at < 0 ? "localhost" : bare.substring(at + 1);
        } catch (MailAddress.Invalid e) {
            return "localhost";
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
