package duso.client;

import duso.lang.lexer.GoQuote;
import duso.lang.lexer.GoStrings;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.GoNumbers;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.runtime.Args;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * send_mail(options): one message through an SMTP relay, on a connection of its own (never
 * pooled: relays drop idle sessions, and parallel sends should not queue on one session).
 * Options are read as loosely as the reference reads them: any value is rendered to text,
 * an unparseable number falls back to its default, and an unknown tls mode means plain text.
 * Returns {ok = true, message_id}; every failure is an error.
 */
final class SendMail {
    private SendMail() {}

    private static final double DEFAULT_TIMEOUT_SECONDS = 30;

    static Object call(Args a) {
        DusoObject opts = options(a);
        String host = string(opts, "host", "");
        if (host.isEmpty()) {
            throw Args.error("send_mail() requires a host");
        }
        long port = goInt(number(opts, "port", 587));
        String from = string(opts, "from", "");
        if (from.isEmpty()) {
            throw Args.error("send_mail() requires a from address");
        }
        String envelopeFrom;
        try {
            envelopeFrom = bareAddress(from);
        } catch (MailAddress.Invalid e) {
            throw Args.error("send_mail() invalid from address: " + e.getMessage());
        }
        List<String> to = addressList(opts.getOrNull("to"));
        List<String> cc = addressList(opts.getOrNull("cc"));
        List<String> bcc = addressList(opts.getOrNull("bcc"));
        if (to.isEmpty()) {
            throw Args.error("send_mail() requires at least one to address");
        }
        List<String> recipients = new ArrayList<>(to.size() + cc.size() + bcc.size());
        for (List<String> list : List.of(to, cc, bcc)) {
            for (String address : list) {
                try {
                    recipients.add(bareAddress(address));
                } catch (MailAddress.Invalid e) {
                    throw Args.error("send_mail() invalid recipient " + GoQuote.quote(address) + ": " + e.getMessage());
                }
            }
        }
        MailMessage.Built message = MailMessage.build(opts, from, to, cc);

        double timeout = number(opts, "timeout", DEFAULT_TIMEOUT_SECONDS);
        if (!(timeout > 0)) {
            timeout = DEFAULT_TIMEOUT_SECONDS;
        }
        long timeoutNanos = (long) Math.min(timeout * 1e9, (double) Long.MAX_VALUE);
        String mode = string(opts, "tls", "auto").toLowerCase(Locale.ROOT);
        if (mode.equals("auto")) {
            mode = port == 465 ? "implicit" : "starttls";
        }
        boolean insecure = opts.getOrNull("insecure") instanceof Boolean b && b;
        try (CallControl ctl = new CallControl(a.interp(), timeoutNanos)) {
            deliver(ctl, host, port, mode, insecure, string(opts, "user", ""), string(opts, "pass", ""),
                    envelopeFrom, recipients, message.bytes());
        } catch (SmtpFailure e) {
            throw Args.error("send_mail() failed: " + e.getMessage());
        }
        DusoObject result = new DusoObject(2);
        result.put("ok", true);
        result.put("message_id", message.messageId());
        return result;
    }

    /**
     * Connect, secure the connection as the mode says (STARTTLS only when the relay offers it,
     * as net/smtp's callers do), authenticate when a user is given, send, and QUIT so the
     * relay confirms it queued the message.
     */
    private static void deliver(CallControl ctl, String host, long port, String mode, boolean insecure, String user,
            String pass, String from, List<String> recipients, byte[] message) throws SmtpFailure {
        boolean implicit = mode.equals("implicit");
        boolean startTls = mode.equals("starttls");
        MailTls tls = null;
        if (implicit || startTls) {
            try {
                tls = MailTls.of(insecure);
            } catch (GeneralSecurityException e) {
                throw new SmtpFailure(String.valueOf(e.getMessage()));
            }
        }
        try (SmtpSession session = SmtpSession.open(host, port, implicit, tls, ctl)) {
            if (startTls && session.extension("STARTTLS") != null) {
                session.startTls(tls, (int) port);
            }
            if (!user.isEmpty()) {
                session.authenticate(user, pass);
            }
            ctl.checkInterrupt();
            if (ctl.expired()) {
                throw new SmtpFailure(CallControl.DEADLINE_EXCEEDED);
            }
            session.send(from, recipients, message);
            session.quit();
        }
    }

    /**
     * The options object: the first positional argument, else a named {@code options}; with
     * neither, the named arguments themselves ({@code send_mail(host = ..., to = ...)}).
     */
    private static DusoObject options(Args a) {
        Object v = a.raw().at(0);
        if (v == null) {
            v = a.raw().named("options");
        }
        if (v != null) {
            if (v instanceof DusoObject o) {
                return o;
            }
            throw Args.error("send_mail() options must be an object");
        }
        if (!a.raw().hasNamed()) {
            throw Args.error("send_mail() requires an options object");
        }
        String[] names = a.raw().names();
        Object[] values = a.raw().namedValues();
        DusoObject spread = new DusoObject(names.length);
        for (int i = 0; i < names.length; i++) {
            spread.put(names[i], values[i]);
        }
        return spread;
    }

    /** An option as text; absent, nil or empty gives the default. */
    static String string(DusoObject opts, String key, String fallback) {
        String s = scalar(opts.getOrNull(key));
        return s.isEmpty() ? fallback : s;
    }

    /** A numeric option: a number, or text that parses as one; anything else gives the default. */
    private static double number(DusoObject opts, String key, double fallback) {
        Object v = opts.getOrNull(key);
        if (v == null || v == Nil.NIL) {
            return fallback;
        }
        if (v instanceof Double d) {
            return d;
        }
        Double parsed = GoNumbers.parseFloat(GoStrings.trimSpace(scalar(v)));
        return parsed == null ? fallback : parsed;
    }

    /** Go's int(f) on amd64: truncation, with NaN and out-of-range values becoming the minimum. */
    private static long goInt(double f) {
        if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }

    /**
     * One value as the reference's option reader renders it: text as is, numbers, booleans,
     * arrays and objects with Go's %v, other values in their string form, nil as nothing.
     */
    static String scalar(Object v) {
        if (v == null || v == Nil.NIL) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double || v instanceof Boolean || v instanceof DusoObject || v instanceof DusoArray) {
            return Render.goFormat(v);
        }
        return Render.concat(v);
    }

    /** to/cc/bcc: one address or an array of them, trimmed, blanks dropped. */
    private static List<String> addressList(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof DusoArray arr) {
            for (int i = 0; i < arr.size(); i++) {
                addTrimmed(out, Render.concat(arr.get(i)));
            }
        } else {
            addTrimmed(out, scalar(v));
        }
        return out;
    }

    private static void addTrimmed(List<String> out, String s) {
        String t = GoStrings.trimSpace(s);
        if (!t.isEmpty()) {
            out.add(t);
        }
    }

    /**
     * The bare user@host of an address, for the SMTP envelope. Control characters are refused
     * outright (a CR LF would forge a command or a header); a plain address net/mail finds
     * fault with is still accepted when it has an '@' and no space, angle bracket or comma.
     */
    static String bareAddress(String s) throws MailAddress.Invalid {
        String t = GoStrings.trimSpace(s);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < ' ' || c == 0x7f) {
                throw new MailAddress.Invalid("address contains control characters");
            }
        }
        try {
            return MailAddress.parse(t).address();
        } catch (MailAddress.Invalid e) {
            if (t.indexOf('@') >= 0 && t.chars().noneMatch(c -> c == ' ' || c == '<' || c == '>' || c == ',')) {
                return t;
            }
            throw e;
        }
    }
}
