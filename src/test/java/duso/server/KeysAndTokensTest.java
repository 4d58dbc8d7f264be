package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import duso.lang.values.DusoObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEM parsing for every key layout certbot and openssl write (PKCS#8, PKCS#1 RSA, SEC1 EC),
 * certificate/key matching, and JWT signing and verification edge cases.
 */
class KeysAndTokensTest {
    @TempDir
    Path dir;

    private static boolean openssl() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void rsaPkcs1AndPkcs8AndEcSec1CertificatesLoad() throws Exception {
        assumeTrue(openssl(), "openssl is not installed");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "rsa8.pem", "-out", "rsa.crt",
                "-days", "1", "-subj", "/CN=rsa");
        run("openssl", "rsa", "-in", "rsa8.pem", "-out", "rsa1.pem", "-traditional");
        run("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec1.pem");
        run("openssl", "req", "-x509", "-new", "-key", "ec1.pem", "-out", "ec.crt", "-days", "1", "-subj", "/CN=ec");
        assertTrue(Files.readString(dir.resolve("rsa1.pem")).contains("BEGIN RSA PRIVATE KEY"));
        assertTrue(Files.readString(dir.resolve("ec1.pem")).contains("BEGIN EC PRIVATE KEY"));
        for (String[] pair : new String[][] {{"rsa.crt", "rsa8.pem"}, {"rsa.crt", "rsa1.pem"}, {"ec.crt", "ec1.pem"}}) {
            TlsCertificate c = TlsCertificate.load(pair[0], pair[1], dir.resolve(pair[0]), dir.resolve(pair[1]));
            assertNotNull(c.keyStore.getKey("duso", TlsCertificate.PASSWORD), pair[1]);
        }
        Exception mismatch = assertThrows(IllegalArgumentException.class,
                () -> TlsCertificate.load("ec.crt", "rsa1.pem", dir.resolve("ec.crt"), dir.resolve("rsa1.pem")));
        assertEquals("tls: private key does not match public key", mismatch.getMessage());
        // an RS256 token signed with the PKCS#1 key verifies with the certificate's public key
        run("openssl", "rsa", "-in", "rsa1.pem", "-pubout", "-out", "rsa.pub");
        String token = Jwt.sign(claims("sub", "x"), "RS256", "", Files.readString(dir.resolve("rsa1.pem")), 60);
        assertEquals("x", Jwt.verify(token, "", Files.readString(dir.resolve("rsa.pub"))).get("sub"));
    }

    @Test
    void certificateErrorsUseGoWords() throws Exception {
        Files.writeString(dir.resolve("c.pem"), "nothing here");
        Files.writeString(dir.resolve("k.pem"), "nothing here");
        Exception noCert = assertThrows(IllegalArgumentException.class,
                () -> TlsCertificate.load("c.pem", "k.pem", dir.resolve("c.pem"), dir.resolve("k.pem")));
        assertEquals("tls: failed to find any PEM data in certificate input", noCert.getMessage());
        Exception missing = assertThrows(java.io.IOException.class,
                () -> TlsCertificate.load("x.pem", "k.pem", dir.resolve("x.pem"), dir.resolve("k.pem")));
        assertEquals("open x.pem: no such file or directory", missing.getMessage());
    }

    @Test
    void rs256KeyErrorsUseTheReferenceWords() throws Exception {
        assumeTrue(openssl(), "openssl is not installed");
        run("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec1.pem");
        run("openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "ec1.pem", "-out", "ec8.pem");
        run("openssl", "genrsa", "-traditional", "-out", "rsa512.pem", "512");
        run("openssl", "ec", "-in", "ec1.pem", "-pubout", "-out", "ec.pub");
        assertEquals("failed to parse private key: x509: failed to parse private key "
                + "(use ParseECPrivateKey instead for this key format)", signError("ec1.pem"));
        assertEquals("private key is not an RSA key", signError("ec8.pem"));
        assertEquals("failed to sign token: crypto/rsa: 512-bit keys are insecure "
                + "(see https://go.dev/pkg/crypto/rsa#hdr-Minimum_key_size)", signError("rsa512.pem"));
        // a token checked against a key that is not RSA has no claims (the reference's nil)
        String token = Jwt.sign(claims("a", "b"), "HS256", "k", "", 60);
        assertNull(Jwt.verify(token.replace(token.substring(0, token.indexOf('.')), "eyJhbGciOiJSUzI1NiJ9"), "",
                Files.readString(dir.resolve("ec.pub"))));
    }

    private String signError(String keyFile) throws Exception {
        String pem = Files.readString(dir.resolve(keyFile));
        return assertThrows(IllegalArgumentException.class, () -> Jwt.sign(claims("a", "b"), "RS256", "", pem, 1))
                .getMessage();
    }

    @Test
    void hs256SignAndVerify() {
        String t = Jwt.sign(claims("sub", "u"), "HS256", "k", "", 60);
        DusoObject c = Jwt.verify(t, "k", "");
        assertEquals("u", c.get("sub"));
        assertTrue(c.get("exp") instanceof Double);
        assertNull(Jwt.verify(t, "other", ""));
        assertNull(Jwt.verify(t, "", ""));
        assertNull(Jwt.verify(Jwt.sign(claims("sub", "u"), "HS256", "k", "", -5), "k", ""));
        assertNull(Jwt.verify("a.b", "k", ""));
        assertNull(Jwt.verify("!!.??.##", "k", ""));
        assertNull(Jwt.verify("e30.e30.", "k", ""));
    }

    @Test
    void signingErrors() {
        assertEquals("HS256 secret not configured",
                assertThrows(IllegalArgumentException.class, () -> Jwt.sign(claims("a", "b"), "HS256", "", "", 1)).getMessage());
        assertEquals("RS256 private key not configured",
                assertThrows(IllegalArgumentException.class, () -> Jwt.sign(claims("a", "b"), "RS256", "", "", 1)).getMessage());
        assertEquals("invalid RSA private key format",
                assertThrows(IllegalArgumentException.class, () -> Jwt.sign(claims("a", "b"), "RS256", "", "junk", 1)).getMessage());
    }

    @Test
    void pkcs8RoundTripWithoutOpenssl() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        String priv = HttpsIT.pem("PRIVATE KEY", kp.getPrivate().getEncoded());
        String pub = HttpsIT.pem("PUBLIC KEY", kp.getPublic().getEncoded());
        String t = Jwt.sign(claims("n", 1.0), "RS256", "", "junk before the block\n" + priv, 60);
        assertEquals(1.0, Jwt.verify(t, "", pub).get("n"));
        List<PemKeys.Block> blocks = PemKeys.decode(priv + pub);
        assertEquals(List.of("PRIVATE KEY", "PUBLIC KEY"), blocks.stream().map(PemKeys.Block::type).toList());
    }

    private static DusoObject claims(String k, Object v) {
        DusoObject o = new DusoObject();
        o.put(k, v);
        return o;
    }
}
