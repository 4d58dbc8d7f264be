package duso.client;

import duso.lang.lexer.GoQuote;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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
        Parser p = new Parser(s);
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

    private static boolean isQtext(int c) {
        return c != '\\' && c != '"' && isVchar(c);
    }

    /** A cursor over the text, consuming it as Go's addrParser does. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
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

        List<MailAddress> address(boolean handleGroup) throws Invalid {
            skipSpace();
            if (empty()) {
                throw new Invalid("mail: no address");
            }
            String bare = null;
            try {
                bare = addrSpec();
            } catch (Invalid notAnAddrSpec) {
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
                boolean atext = display.codePoints().allMatch(c -> isAtext(c, true));
                throw new Invalid(atext ? "mail: missing '@' or angle-addr" : "mail: no angle-addr");
            }
            String spec = addrSpec();
            if (!consume('>')) {
                throw new Invalid("mail: unclosed angle-addr");
            }
            return List.of(new MailAddress(display, spec));
        }

        private List<MailAddress> groupList() throws Invalid {
            List<MailAddress> group = new ArrayList<>();
            skipSpace();
            if (consume(';')) {
                if (!skipCommentsAndSpace()) {
                    throw new Invalid("mail: misformatted parenthetical comment");
                }
                return group;
            }
            while (true) {
                skipSpace();
                group.addAll(address(false));
                if (!skipCommentsAndSpace()) {
                    throw new Invalid("mail: misformatted parenthetical comment");
                }
                if (consume(';')) {
                    if (!skipCommentsAndSpace()) {
                        throw new Invalid("mail: misformatted parenthetical comment");
                    }
                    return group;
                }
                if (!consume(',')) {
                    throw new Invalid("mail: expected comma");
                }
            }
        }

        /** local@domain; on failure the cursor is left where it was. */
        private String addrSpec() throws Invalid {
            int start = pos;
            try {
                skipSpace();
                if (empty()) {
                    throw new Invalid("mail: no addr-spec");
                }
                String local;
                if (peek() == '"') {
                    String quoted = null;
                    try {
                        quoted = quotedString();
                    } catch (Invalid e) {
                        // Go reports any failed quoted local part as empty
                    }
                    if (quoted == null || quoted.isEmpty()) {
                        throw new Invalid("mail: empty quoted string in addr-spec");
                    }
                    local = quoted;
                } else {
                    local = atom(true, false);
                }
                if (!consume('@')) {
                    throw new Invalid("mail: missing @ in addr-spec");
                }
                skipSpace();
                if (empty()) {
                    throw new Invalid("mail: no domain in addr-spec");
                }
                String domain = peek() == '[' ? domainLiteral() : atom(true, false);
                return local + "@" + domain;
            } catch (Invalid e) {
                pos = start;
                throw e;
            }
        }

        private String phrase() throws Invalid {
            List<String> words = new ArrayList<>();
            boolean previousEncoded = false;
            Invalid failure = null;
            while (true) {
                if (!words.isEmpty() && !skipCommentsAndSpace()) {
                    throw new Invalid("mail: misformatted parenthetical comment");
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
                        String decoded = EncodedWords.decode(word);
                        if (decoded != null) {
                            word = decoded;
                            encoded = true;
                        }
                    }
                } catch (Invalid e) {
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
                throw new Invalid("mail: missing word in phrase: " + failure.getMessage());
            }
            return String.join(" ", words);
        }

        private String quotedString() throws Invalid {
            int i = pos + 1;
            StringBuilder b = new StringBuilder();
            boolean escaped = false;
            while (true) {
                if (i >= s.length()) {
                    throw new Invalid("mail: unclosed quoted-string");
                }
                int c = s.codePointAt(i);
                if (escaped) {
                    if (!isVchar(c) && c != ' ' && c != '\t') {
                        throw new Invalid("mail: bad character in quoted-string: " + quoteRune(c));
                    }
                    b.appendCodePoint(c);
                    escaped = false;
                } else if (isQtext(c) || c == ' ' || c == '\t') {
                    b.appendCodePoint(c);
                } else if (c == '"') {
                    break;
                } else if (c == '\\') {
                    escaped = true;
                } else {
                    throw new Invalid("mail: bad character in quoted-string: " + quoteRune(c));
                }
                i += Character.charCount(c);
            }
            pos = i + 1;
            return b.toString();
        }

        private String atom(boolean dot, boolean permissive) throws Invalid {
            int i = pos;
            while (i < s.length()) {
                int c = s.codePointAt(i);
                if (!isAtext(c, dot)) {
                    break;
                }
                i += Character.charCount(c);
            }
            if (i == pos) {
                throw new Invalid("mail: invalid string");
            }
            String atom = s.substring(pos, i);
            pos = i;
            if (!permissive) {
                if (atom.startsWith(".")) {
                    throw new Invalid("mail: leading dot in atom");
                }
                if (atom.contains("..")) {
                    throw new Invalid("mail: double dot in atom");
                }
                if (atom.endsWith(".")) {
                    throw new Invalid("mail: trailing dot in atom");
                }
            }
            return atom;
        }

        private String domainLiteral() throws Invalid {
            consume('[');
            StringBuilder text = new StringBuilder();
            while (true) {
                if (empty()) {
                    throw new Invalid("mail: unclosed domain-literal");
                }
                if (peek() == ']') {
                    break;
                }
                int c = s.codePointAt(pos);
                if (c == '[' || c == '\\' || !isVchar(c)) {
                    throw new Invalid("mail: bad character in domain-literal: " + quoteRune(c));
                }
                text.appendCodePoint(c);
                pos += Character.charCount(c);
            }
            consume(']');
            String dtext = text.toString();
            if (dtext.startsWith("IPv6:")) {
                String ip = dtext.substring(5);
                if (!isIpv4(ip) && !isIpv6(ip)) {
                    throw new Invalid("mail: invalid IPv6 address in domain-literal: " + GoQuote.quote(dtext));
                }
            } else if (!isIpv4(dtext)) {
                throw new Invalid("mail: invalid IP address in domain-literal: " + GoQuote.quote(dtext));
            }
            return "[" + dtext + "]";
        }

        private String displayNameComment() throws Invalid {
            consume('(');
            String comment = comment();
            if (comment == null) {
                throw new Invalid("mail: misformatted parenthetical comment");
            }
            List<String> words = new ArrayList<>();
            for (String w : comment.split("[ \t]+")) {
                if (!w.isEmpty()) {
                    String decoded = EncodedWords.decode(w);
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
    private static String quoteRune(int c) {
        String q = GoQuote.quote(new String(Character.toChars(c)));
        String inner = q.substring(1, q.length() - 1).replace("\\\"", "\"");
        return "'" + (c == '\'' ? "\\'" : inner) + "'";
    }

    /**
     * RFC 2047 encoded-words inside display names ({@code =?utf-8?q?Caf=C3=A9?=}), decoded
     * like net/mail does: a word that is not a well-formed encoded-word stays as written.
     */
    static final class EncodedWords {
        private EncodedWords() {}

        /** The decoded text, or null when the word is not a decodable encoded-word. */
        static String decode(String word) throws Invalid {
            if (!word.startsWith("=?") || !word.endsWith("?=") || word.chars().filter(c -> c == '?').count() != 4) {
                return null;
            }
            String inner = word.substring(2, word.length() - 2);
            int split = inner.indexOf('?');
            if (split + 2 >= inner.length() || inner.charAt(split + 2) != '?') {
                return null;
            }
            String charset = inner.substring(0, split);
            char encoding = inner.charAt(split + 1);
            String text = inner.substring(split + 3);
            byte[] content;
            if (encoding == 'B' || encoding == 'b') {
                try {
                    content = Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            } else if (encoding == 'Q' || encoding == 'q') {
                content = qDecode(text);
                if (content == null) {
                    return null;
                }
            } else {
                return null;
            }
            if (charset.equalsIgnoreCase("utf-8")) {
                return new String(content, StandardCharsets.UTF_8);
            }
            if (charset.equalsIgnoreCase("iso-8859-1")) {
                return new String(content, StandardCharsets.ISO_8859_1);
            }
            if (charset.equalsIgnoreCase("us-ascii")) {
                StringBuilder b = new StringBuilder(content.length);
                for (byte x : content) {
                    b.append(x < 0 ? '\uFFFD' : (char) x);
                }
                return b.toString();
            }
            throw new Invalid("charset not supported: " + GoQuote.quote(charset.toLowerCase(java.util.Locale.ROOT)));
        }

        private static byte[] qDecode(String s) {
            byte[] out = new byte[s.length()];
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '_') {
                    out[n++] = ' ';
                } else if (c == '=') {
                    if (i + 2 >= s.length()) {
                        return null;
                    }
                    int hi = Character.digit(s.charAt(i + 1), 16);
                    int lo = Character.digit(s.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) {
                        return null;
                    }
                    out[n++] = (byte) (hi << 4 | lo);
                    i += 2;
                } else if (c >= ' ' && c <= '~' || c == '\n' || c == '\r' || c == '\t') {
                    out[n++] = (byte) c;
                } else {
                    return null;
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }
    }
}
