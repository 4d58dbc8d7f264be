package duso.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Addresses parsed and printed by net/mail's rules, with its error texts. */
class MailAddressTest {
    static MailAddress parse(String s) throws MailAddress.Invalid {
        return MailAddress.parse(s);
    }

    static String error(String s) {
        return assertThrows(MailAddress.Invalid.class, () -> MailAddress.parse(s)).getMessage();
    }

    @Test
    void acceptedForms() throws Exception {
        assertEquals(new MailAddress("", "a@example.com"), parse("a@example.com"));
        assertEquals(new MailAddress("Bob Jones", "b@example.com"), parse("Bob Jones <b@example.com>"));
        assertEquals(new MailAddress("John Q", "j@x.y"), parse("\"John Q\" <j@x.y>"));
        assertEquals(new MailAddress("John", "j@x.y"), parse("j@x.y (John)"));
        assertEquals(new MailAddress("Café", "c@x.y"), parse("=?utf-8?q?Caf=C3=A9?= <c@x.y>"));
        assertEquals(new MailAddress("", "a b@x.y"), parse("\"a b\"@x.y"));
        assertEquals(new MailAddress("", "a@[192.0.2.1]"), parse("<a@[192.0.2.1]>"));
        assertEquals(new MailAddress("", "t@x.y"), parse("Team: t@x.y;"));
    }

    @Test
    void goErrorTexts() {
        assertEquals("mail: no address", error(""));
        assertEquals("mail: no angle-addr", error("Bob Jones"));
        assertEquals("mail: missing '@' or angle-addr", error("bob"));
        assertEquals("mail: unclosed angle-addr", error("<a@b.c"));
        assertEquals("mail: expected single address, got \"d@e.f\"", error("a@b.c d@e.f"));
        assertEquals("mail: empty group", error("Team:;"));
        assertEquals("mail: group with multiple addresses", error("Team: a@b.c, d@e.f;"));
        assertEquals("mail: invalid IP address in domain-literal: \"1.2.3\"", error("<a@[1.2.3]>"));
        assertEquals("mail: double dot in atom", error("<a..b@c.d>"));
        assertEquals("mail: no domain in addr-spec", error("<a@"));
        assertEquals("mail: invalid string", error("<a@>"));
        assertEquals("mail: misformatted parenthetical comment", error("a@b.c (unclosed"));
    }

    @Test
    void headerFormsQuoteOrEncodeTheName() throws Exception {
        assertEquals("\"Bob\" <b@example.com>", parse("Bob <b@example.com>").headerForm());
        assertEquals("\"O\\\"Neil\" <o@x.y>", new MailAddress("O\"Neil", "o@x.y").headerForm());
        assertEquals("=?utf-8?q?Zo=C3=AB?= <z@x.y>", parse("Zoë <z@x.y>").headerForm());
        assertEquals("=?utf-8?b?Wm/DqywgTHRk?= <z@x.y>", new MailAddress("Zoë, Ltd", "z@x.y").headerForm());
        assertEquals("<\"a b\"@x.y>", new MailAddress("", "a b@x.y").headerForm());
    }
}
