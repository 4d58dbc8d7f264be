package duso.client;

import duso.lang.lexer.GoQuote;
import java.util.List;

/**
 * One RFC 5322 mailbox ({@code Name <user@host>} or {@code user@host}), parsed and printed by
 * the rules of Go's net/mail, which the reference uses: the same accepted forms (quoted local
 * parts, display names with encoded-words, comments, groups of one, domain literals) and the
 * same error texts ({@code mail: no angle-addr}, {@code mail: missing @ in addr-spec}, ...),
 * because those texts reach scripts inside send_mail()'s messages.
 */
record MailAddress(String name, String address) {

    /** A parse failure; the message is Go's. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** {@code mail.ParseAddress}: exactly one address, nothing after it. */
    static MailAddress parse(String s) throws Invalid {
        MailAddressParser p = new MailAddressParser(s);
        List<MailAddress> found = p.address(true);
        if (!p.skipCommentsAndSpace()) {
            throw new Invalid("mail: misformatted parenthetical comment");
        }
        if (!p.empty()) {
            throw new Invalid("mail: expected single address, got " + GoQuote.quote(p.rest()));
        }
        if (found.isEmpty()) {
            throw new Invalid("mail: empty group");
        }
        if (found.size() > 1) {
            throw new Invalid("mail: group with multiple addresses");
        }
        return found.get(0);
    }

    /**
     * The header form ({@code Address.String()}): the address in angle brackets (its local part
     * quoted when it is not a dot-atom), after the name quoted, or as encoded-words when the
     * name is not printable ASCII (base64 when it holds characters a Q-word may not).
     */
    String headerForm() {
        int at = address.lastIndexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        String domain = at < 0 ? "" : address.substring(at + 1);
        if (needsQuoting(local)) {
            local = quote(local);
        }
        String angle = "<" + local + "@" + domain + ">";
        if (name.isEmpty()) {
            return angle;
        }
        boolean printable = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= '!' && c <= '~' || c == ' ' || c == '\t')) {
                printable = false;
                break;
            }
        }
        if (printable) {
            return quote(name) + " " + angle;
        }
        for (int i = 0; i < name.length(); i++) {
            if ("\"#$%&'(),.:;<>@[]^`{|}~".indexOf(name.charAt(i)) >= 0) {
                return MimeText.bWords(name) + " " + angle;
            }
        }
        return MimeText.qWords(name) + " " + angle;
    }

    private static boolean needsQuoting(String local) {
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (isAtext(c, false)) {
                continue;
            }
            if (c == '.' && i > 0 && local.charAt(i - 1) != '.' && i < local.length() - 1) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            if (isQtext(c) || c == ' ' || c == '\t') {
                b.appendCodePoint(c);
            } else if (isVchar(c)) {
                b.append('\\').appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }

    static boolean isVchar(int c) {
        return c >= '!' && c <= '~' || c >= 0x80;
    }

    static boolean isAtext(int c, boolean dot) {
        if (c == '.') {
            return dot;
        }
        return "()<>[]:;@\\,\"".indexOf(c) < 0 && isVchar(c);
    }

    static boolean isQtext(int c) {
        return c != '\\' && c != '"' && isVchar(c);
    }

}
