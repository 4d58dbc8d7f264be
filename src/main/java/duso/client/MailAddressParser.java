package duso.client;

import duso.lang.lexer.GoQuote;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's net/mail address grammar over one string: addr-spec first (the stricter form), else a
 * display name and an angle-addr, or a group; quoted strings, comments, encoded-words and
 * domain literals. A cursor that fails restores its position like Go's parser, so which error
 * is reported (and so the message a script sees) is the one Go reports.
 */
final class MailAddressParser {
    private final String s;
    private int pos;

    MailAddressParser(String s) {
        this.s = s;
    }

    boolean empty() {
        return pos >= s.length();
    }

    String rest() {
        return s.substring(pos);
    }

    char peek() {
        return s.charAt(pos);
    }

    boolean consume(char c) {
        if (empty() || peek() != c) {
            return false;
        }
        pos++;
        return true;
    }

    void skipSpace() {
        while (!empty() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    boolean skipCommentsAndSpace() {
        skipSpace();
        while (consume('(')) {
            if (comment() == null) {
                return false;
            }
            skipSpace();
        }
        return true;
    }

    List<MailAddress> address(boolean handleGroup) throws MailAddress.Invalid {
        skipSpace();
        if (empty()) {
            throw new MailAddress.Invalid("mail: no address");
        }
        String bare = null;
        try {
            bare = addrSpec();
        } catch (MailAddress.Invalid notAnAddrSpec) {
            // addr-spec is the stricter form; fall back to name-addr
        }
        if (bare != null) {
            String display = "";
            skipSpace();
            if (!empty() && peek() == '(') {
                display = displayNameComment();
            }
            return List.of(new MailAddress(display, bare));
        }
        String display = "";
        if (peek() != '<') {
            display = phrase();
        }
        skipSpace();
        if (handleGroup && consume(':')) {
            return groupList();
        }
        if (!consume('<')) {
            boolean atext = display.codePoints().allMatch(c -> MailAddress.isAtext(c, true));
            throw new MailAddress.Invalid(atext ? "mail: missing '@' or angle-addr" : "mail: no angle-addr");
        }
        String spec = addrSpec();
        if (!consume('>')) {
            throw new MailAddress.Invalid("mail: unclosed angle-addr");
        }
        return List.of(new MailAddress(display, spec));
    }

    private List<MailAddress> groupList() throws MailAddress.Invalid {
        List<MailAddress> group = new ArrayList<>();
        skipSpace();
        if (consume(';')) {
            if (!skipCommentsAndSpace()) {
                throw new MailAddress.Invalid("mail: misformatted parenthetical comment");
            }
            return group;
        }
        while (true) {
            skipSpace();
            group.addAll(address(false));
            if (!skipCommentsAndSpace()) {
                throw new MailAddress.Invalid("mail: misformatted parenthetical comment");
            }
            if (consume(';')) {
                if (!skipCommentsAndSpace()) {
                    throw new MailAddress.Invalid("mail: misformatted parenthetical comment");
                }
                return group;
            }
            if (!consume(',')) {
                throw new MailAddress.Invalid("mail: expected comma");
            }
        }
    }

    /** local@domain; on failure the cursor is left where it was. */
    private String addrSpec() throws MailAddress.Invalid {
        int start = pos;
        try {
            skipSpace();
            if (empty()) {
                throw new MailAddress.Invalid("mail: no addr-spec");
            }
            String local;
            if (peek() == '"') {
                String quoted = null;
                try {
                    quoted = quotedString();
                } catch (MailAddress.Invalid e) {
                    // Go reports any failed quoted local part as empty
                }
                if (quoted == null || quoted.isEmpty()) {
                    throw new MailAddress.Invalid("mail: empty quoted string in addr-spec");
                }
                local = quoted;
            } else {
                local = atom(true, false);
            }
            if (!consume('@')) {
                throw new MailAddress.Invalid("mail: missing @ in addr-spec");
            }
            skipSpace();
            if (empty()) {
                throw new MailAddress.Invalid("mail: no domain in addr-spec");
            }
            String domain = peek() == '[' ? domainLiteral() : atom(true, false);
            return local + "@" + domain;
        } catch (MailAddress.Invalid e) {
            pos = start;
            throw e;
        }
    }

    private String phrase() throws MailAddress.Invalid {
        List<String> words = new ArrayList<>();
        boolean previousEncoded = false;
        MailAddress.Invalid failure = null;
        while (true) {
            if (!words.isEmpty() && !skipCommentsAndSpace()) {
                throw new MailAddress.Invalid("mail: misformatted parenthetical comment");
            }
            skipSpace();
            if (empty()) {
                break;
            }
            String word;
            boolean encoded = false;
            try {
                if (peek() == '"') {
                    word = quotedString();
                } else {
                    word = atom(true, true);
                    String decoded = MimeWordDecoder.decode(word);
                    if (decoded != null) {
                        word = decoded;
                        encoded = true;
                    }
                }
            } catch (MailAddress.Invalid e) {
                failure = e;
                break;
            }
            if (previousEncoded && encoded) {
                words.set(words.size() - 1, words.getLast() + word);
            } else {
                words.add(word);
            }
            previousEncoded = encoded;
        }
        if (failure != null && words.isEmpty()) {
            throw new MailAddress.Invalid("mail: missing word in phrase: " + failure.getMessage());
        }
        return String.join(" ", words);
    }

    private String quotedString() throws MailAddress.Invalid {
        int i = pos + 1;
        StringBuilder b = new StringBuilder();
        boolean escaped = false;
        while (true) {
            if (i >= s.length()) {
                throw new MailAddress.Invalid("mail: unclosed quoted-string");
            }
            int c = s.codePointAt(i);
            if (escaped) {
                if (!MailAddress.isVchar(c) && c != ' ' && c != '\t') {
                    throw new MailAddress.Invalid("mail: bad character in quoted-string: " + quoteRune(c));
                }
                b.appendCodePoint(c);
                escaped = false;
            } else if (MailAddress.isQtext(c) || c == ' ' || c == '\t') {
                b.appendCodePoint(c);
            } else if (c == '"') {
                break;
            } else if (c == '\\') {
                escaped = true;
            } else {
                throw new MailAddress.Invalid("mail: bad character in quoted-string: " + quoteRune(c));
            }
            i += Character.charCount(c);
        }
        pos = i + 1;
        return b.toString();
    }

    private String atom(boolean dot, boolean permissive) throws MailAddress.Invalid {
        int i = pos;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (!MailAddress.isAtext(c, dot)) {
                break;
            }
            i += Character.charCount(c);
        }
        if (i == pos) {
            throw new MailAddress.Invalid("mail: invalid string");
        }
        String atom = s.substring(pos, i);
        pos = i;
        if (!permissive) {
            if (atom.startsWith(".")) {
                throw new MailAddress.Invalid("mail: leading dot in atom");
            }
            if (atom.contains("..")) {
                throw new MailAddress.Invalid("mail: double dot in atom");
            }
            if (atom.endsWith(".")) {
                throw new MailAddress.Invalid("mail: trailing dot in atom");
            }
        }
        return atom;
    }

    private String domainLiteral() throws MailAddress.Invalid {
        consume('[');
        StringBuilder text = new StringBuilder();
        while (true) {
            if (empty()) {
                throw new MailAddress.Invalid("mail: unclosed domain-literal");
            }
            if (peek() == ']') {
                break;
            }
            int c = s.codePointAt(pos);
            if (c == '[' || c == '\\' || !MailAddress.isVchar(c)) {
                throw new MailAddress.Invalid("mail: bad character in domain-literal: " + quoteRune(c));
            }
            text.appendCodePoint(c);
            pos += Character.charCount(c);
        }
        consume(']');
        String dtext = text.toString();
        if (dtext.startsWith("IPv6:")) {
            String ip = dtext.substring(5);
            if (!isIpv4(ip) && !isIpv6(ip)) {
                throw new MailAddress.Invalid("mail: invalid IPv6 address in domain-literal: " + GoQuote.quote(dtext));
            }
        } else if (!isIpv4(dtext)) {
            throw new MailAddress.Invalid("mail: invalid IP address in domain-literal: " + GoQuote.quote(dtext));
        }
        return "[" + dtext + "]";
    }

    private String displayNameComment() throws MailAddress.Invalid {
        consume('(');
        String comment = comment();
        if (comment == null) {
            throw new MailAddress.Invalid("mail: misformatted parenthetical comment");
        }
        List<String> words = new ArrayList<>();
        for (String w : comment.split("[ \t]+")) {
            if (!w.isEmpty()) {
                String decoded = MimeWordDecoder.decode(w);
                words.add(decoded != null ? decoded : w);
            }
        }
        return String.join(" ", words);
    }

    /** The comment after an already consumed '(' (nesting, backslash escapes), or null if unclosed. */
    private String comment() {
        int depth = 1;
        StringBuilder b = new StringBuilder();
        while (!empty() && depth > 0) {
            if (peek() == '\\' && s.length() - pos > 1) {
                pos++;
            } else if (peek() == '(') {
                depth++;
            } else if (peek() == ')') {
                depth--;
            }
            if (depth > 0) {
                b.append(peek());
            }
            pos++;
        }
        return depth == 0 ? b.toString() : null;
    }

    /** Go's dotted-quad IPv4 form: four decimal parts 0-255 without leading zeros. */
    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0'
                    || !p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return false;
        }
        try {
            Inet6Address.ofLiteral(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Go's %q of one rune. */
    static String quoteRune(int c) {
        String q = GoQuote.quote(new String(Character.toChars(c)));
        String inner = q.substring(1, q.length() - 1).replace("\\\"", "\"");
        return "'" + (c == '\'' ? "\\'" : inner) + "'";
    }
}
