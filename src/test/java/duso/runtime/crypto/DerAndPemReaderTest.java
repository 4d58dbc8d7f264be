package duso.runtime.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import duso.runtime.crypto.GoAsn1.Asn1Exception;
import duso.runtime.crypto.GoAsn1.Type;
import duso.runtime.formats.GoBase64;
import duso.runtime.formats.GoHex;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of the Go-compatible readers behind the signature builtins: which PEM text Go's
 * pem.Decode finds a block in, which DER its asn1.Unmarshal accepts and with what message, and
 * the base64url and hex decoders' blame offsets.
 */
class DerAndPemReaderTest {
    private static final HexFormat HEX = HexFormat.of();

    // ---- PEM ---------------------------------------------------------------------------------

    @Test
    void findsABlockAfterOtherTextAndIgnoresItsLabelAndHeaders() {
        String text = "junk first\n-----BEGIN ANYTHING-----\nProc-Type: 4,ENCRYPTED\n\nAQID\n-----END ANYTHING-----\n";
        assertArrayEquals(new byte[] {1, 2, 3}, GoPem.decode(text));
    }

    @Test
    void beginMustStartALine() {
        assertNull(GoPem.decode("x -----BEGIN A-----\nAQID\n-----END A-----\n"));
    }

    @Test
    void crlfSpacesAndTabsAreTolerated() {
        String text = "-----BEGIN A-----  \r\nAQ ID\t\r\nBA==\r\n-----END A----- \r\n";
        assertArrayEquals(new byte[] {1, 2, 3, 4}, GoPem.decode(text));
    }

    @Test
    void aDamagedBlockIsSkippedForTheNextOne() {
        String text = "-----BEGIN A-----\n!!!!\n-----END A-----\n-----BEGIN B-----\nAQID\n-----END B-----\n";
        assertArrayEquals(new byte[] {1, 2, 3}, GoPem.decode(text));
    }

    @Test
    void theEndLineMustNameTheSameTypeAndEndThere() {
        assertNull(GoPem.decode("-----BEGIN A-----\nAQID\n-----END B-----\n"));
        assertNull(GoPem.decode("-----BEGIN A-----\nAQID\n-----END A----- trailing\n"));
        assertNull(GoPem.decode("-----BEGIN A-----\nAQID\n"));
    }

    @Test
    void anEmptyBlockDecodesToNoBytes() {
        assertArrayEquals(new byte[0], GoPem.decode("-----BEGIN A-----\n-----END A-----\n"));
    }

    @Test
    void encodingWrapsAtSixtyFourColumns() {
        String pem = GoPem.encode("PUBLIC KEY", new byte[60]);
        String[] lines = pem.split("\n");
        assertEquals("-----BEGIN PUBLIC KEY-----", lines[0]);
        assertEquals(64, lines[1].length());
        assertEquals(16, lines[2].length());
        assertEquals("-----END PUBLIC KEY-----", lines[3]);
        assertTrue(pem.endsWith("-----\n"));
        assertArrayEquals(new byte[60], GoPem.decode(pem));
    }

    // ---- DER, as Go's asn1.Unmarshal ---------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                | asn1: syntax error: sequence truncated",
        "30                | asn1: syntax error: truncated tag or length",
        "3080              | asn1: syntax error: indefinite length found (not DER)",
        "30810300          | asn1: structure error: non-minimal length",
        "3082000100        | asn1: structure error: superfluous leading zeros in length",
        "3005020100        | asn1: syntax error: data truncated",
        "3000              | asn1: syntax error: sequence truncated",
        "300402020001      | asn1: structure error: integer not minimally-encoded",
        "3002020000        | asn1: structure error: empty integer",
        "3003020100        | asn1: syntax error: sequence truncated",
    })
    void malformedDerFailsWithGosWords(String hex, String message) {
        Asn1Exception e = assertThrows(Asn1Exception.class,
                () -> GoAsn1.unmarshal(HEX.parseHex(hex), GoX509.PKCS1_PUBLIC_KEY));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aTagMismatchNamesTheTypeAndTheOffsetAfterTheHeader() {
        Asn1Exception e = assertThrows(Asn1Exception.class,
                () -> GoAsn1.unmarshal(HEX.parseHex("0400"), GoX509.PKCS1_PUBLIC_KEY));
        assertEquals("asn1: structure error: tags don't match (16 vs {class:0 tag:4 length:0 isCompound:false}) "
                + "{optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> "
                + "stringType:0 timeType:0 set:false omitEmpty:false} pkcs1PublicKey @2", e.getMessage());
    }

    @Test
    void unmarshalReportsTrailingBytesAndAllowsExtraFieldsInsideAStruct() throws Asn1Exception {
        // SEQUENCE { INTEGER 5, INTEGER 3, INTEGER 9 } then one stray byte
        GoAsn1.Result r = GoAsn1.unmarshal(HEX.parseHex("3009020105020103020109ff"), GoX509.PKCS1_PUBLIC_KEY);
        Object[] fields = (Object[]) r.value();
        assertEquals(BigInteger.valueOf(5), fields[0]);
        assertEquals(3L, fields[1]);
        assertEquals(1, r.trailing());
    }

    @Test
    void optionalExplicitFieldsAreSkippedWhenTheirTagDiffers() throws Asn1Exception {
        // ecPrivateKey { 1, OCTET STRING 01, [1] BIT STRING 00 } with no [0] curve
        Object[] f = (Object[]) GoAsn1.unmarshal(HEX.parseHex("300c020101040101a10403020000"),
                GoX509.EC_PRIVATE_KEY).value();
        assertEquals(1L, f[0]);
        assertNull(f[2]);
    }

    @Test
    void intFieldsRefuseMoreThanEightBytes() {
        Asn1Exception e = assertThrows(Asn1Exception.class,
                () -> GoAsn1.unmarshal(HEX.parseHex("300e020101020901" + "00".repeat(8)), GoX509.PKCS1_PUBLIC_KEY));
        assertEquals("asn1: structure error: integer too large", e.getMessage());
    }

    @Test
    void oidsDecodeTheirFirstTwoArcsTogether() throws Asn1Exception {
        int[] oid = (int[]) GoAsn1.unmarshal(HEX.parseHex("06072a8648ce3d0201"), Type.OID).value();
        assertArrayEquals(GoX509.OID_EC, oid);
        assertArrayEquals(GoX509.OID_EC, new DerReader(HEX.parseHex("06072a8648ce3d0201")).oid());
    }

    @Test
    void theStrictReaderRefusesNonMinimalIntegersAndLengths() {
        assertNull(new DerReader(HEX.parseHex("02020001")).integer());
        assertNull(new DerReader(HEX.parseHex("30810302010101")).sequence());
        assertEquals(BigInteger.valueOf(-1), new DerReader(HEX.parseHex("0201ff")).integer());
        assertNull(new DerReader(HEX.parseHex("3004020101")).sequence()); // longer than the data
    }

    // ---- base64url and hex -------------------------------------------------------------------

    @ParameterizedTest(name = "\"{0}\" fails at {1}")
    @CsvSource({"A, 0", "AAAAA, 4", "AA=, 2", "AA+A, 2", "A/, 1"})
    void rawUrlBase64BlamesGosByte(String text, int offset) {
        GoBase64.DecodeException e = assertThrows(GoBase64.DecodeException.class, () -> GoBase64.decodeRawUrl(text));
        assertEquals("illegal base64 data at input byte " + offset, e.getMessage());
    }

    @Test
    void rawUrlBase64SkipsNewlinesAndIgnoresLeftoverBits() {
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, GoBase64.decodeRawUrl("-_\n_"));
        assertArrayEquals(new byte[] {(byte) 0xff}, GoBase64.decodeRawUrl("__"));
        assertEquals("illegal base64 data at input byte 6",
                assertThrows(GoBase64.DecodeException.class, () -> GoBase64.decodeRawUrl("AAAA\nA\n")).getMessage());
    }

    @Test
    void hexReportsTheBadByteBeforeTheOddLength() {
        assertEquals("encoding/hex: invalid byte: U+0067 'g'",
                assertThrows(IllegalArgumentException.class, () -> GoHex.decode("abg")).getMessage());
        assertEquals("encoding/hex: odd length hex string",
                assertThrows(IllegalArgumentException.class, () -> GoHex.decode("abc")).getMessage());
        assertEquals("encoding/hex: invalid byte: U+000A",
                assertThrows(IllegalArgumentException.class, () -> GoHex.decode("a\n")).getMessage());
        assertArrayEquals(new byte[] {(byte) 0xab, (byte) 0xcd}, GoHex.decode("AbcD"));
    }
}
