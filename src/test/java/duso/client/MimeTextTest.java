package duso.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Encoded-words, quoted-printable and DATA dot-stuffing, byte for byte as Go's writers produce them. */
class MimeTextTest {
    static String qp(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MimeText.quotedPrintable(text, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void plainAsciiHeaderTextIsLeftAlone() {
        assertEquals("Deploy finished: 100% (ok?)", MimeText.qWords("Deploy finished: 100% (ok?)"));
        assertEquals("tab\there", MimeText.qWords("tab\there"));
    }

    @Test
    void qWordsEncodeSpacesAndSpecialsOnlyOnceEncodingIsNeeded() {
        assertEquals("=?utf-8?q?Caf=C3=A9_=3D_tea=3F_a=5Fb?=", MimeText.qWords("Café = tea? a_b"));
        assertEquals("=?utf-8?q?line=0Abreak?=", MimeText.qWords("line\nbreak"));
    }

    @Test
    void longQWordsSplitAt63EncodedCharactersWithoutSplittingACharacter() {
        String e10 = "=C3=A9".repeat(10);
        assertEquals("=?utf-8?q?" + e10 + "?= =?utf-8?q?" + e10 + "?= =?utf-8?q?=C3=A9?=",
                MimeText.qWords("é".repeat(21)));
        assertEquals("=?utf-8?q?" + "a".repeat(62) + "?= =?utf-8?q?=C3=A9?=",
                MimeText.qWords("a".repeat(62) + "é"));
    }

    @Test
    void bWordsSplitEvery45Bytes() {
        assertEquals("=?utf-8?b?Wm/DqywgTHRk?=", MimeText.bWords("Zoë, Ltd"));
        String long45 = "é".repeat(22) + "x"; // 45 bytes: one word
        String split = MimeText.bWords(long45 + "y");
        assertEquals("=?utf-8?b?" + java.util.Base64.getEncoder().encodeToString(long45.getBytes(StandardCharsets.UTF_8))
                + "?= =?utf-8?b?eQ==?=", split);
    }

    @Test
    void quotedPrintableBreaksLinesAt76WithSoftBreaks() {
        assertEquals("a".repeat(75) + "=\r\n" + "aaaaa", qp("a".repeat(80)));
        String e = "=C3=A9"; // 25 encoded bytes fill a line, even when that splits a character
        assertEquals(e.repeat(12) + "=C3=\r\n=A9" + e.repeat(12) + "=\r\n" + e.repeat(5), qp("é".repeat(30)));
    }

    @Test
    void quotedPrintableEncodesTrailingBlanksEqualsAndNormalizesLineEnds() {
        assertEquals("x=20\r\ny=09\r\nz=3D1\r\n\r\nend=20", qp("x \r\ny\t\rz=1\n\nend "));
        assertEquals("caf=C3=A9 ok", qp("café ok"));
    }

    @Test
    void dotStuffingDoublesLeadingDotsAndTerminates() {
        assertEquals("..a\r\nb.\r\n...\r\nc\r\n.\r\n", new String(SmtpWire.dotStuffed(
                ".a\r\nb.\r\n..\nc".getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII));
        assertEquals("\r\n.\r\n", new String(SmtpWire.dotStuffed(new byte[0]), StandardCharsets.US_ASCII));
        assertEquals("x\r\n.\r\n", new String(SmtpWire.dotStuffed("x\r\n".getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.US_ASCII));
    }
}
