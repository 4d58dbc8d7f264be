package duso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures made by duso must verify with another implementation: OpenSSL, run as a real
 * child process on fresh keys (skipped where no openssl binary is installed). The golden
 * scripts cover the other direction, with signatures OpenSSL made.
 */
class SignatureOpenSslTest {
    private static final String MESSAGE = "duso signed this\n";

    @TempDir
    static Path dir;

    @BeforeAll
    static void keys() throws Exception {
        assumeTrue(openssl("version").status == 0, "openssl is not installed");
        Files.writeString(dir.resolve("message.txt"), MESSAGE);
        assertEquals(0, openssl("genrsa", "-out", "rsa.pem", "2048").status);
        assertEquals(0, openssl("rsa", "-in", "rsa.pem", "-pubout", "-out", "rsa_pub.pem").status);
        assertEquals(0, openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.pem").status);
        assertEquals(0, openssl("ec", "-in", "ec.pem", "-pubout", "-out", "ec_pub.pem").status);
    }

    @Test
    void openSslVerifiesAnRsaSignature() throws Exception {
        String sig = sign("sign_rsa", "rsa.pem");
        Files.write(dir.resolve("rsa.sig"), Base64.getDecoder().decode(sig));
        Outcome ok = openssl("dgst", "-sha256", "-verify", "rsa_pub.pem", "-signature", "rsa.sig", "message.txt");
        assertEquals("Verified OK", ok.out.strip(), ok.err);
    }

    @Test
    void openSslVerifiesAnEcSignatureOnceItIsDer() throws Exception {
        byte[] raw = Base64.getUrlDecoder().decode(sign("sign_ec", "ec.pem"));
        assertEquals(64, raw.length);
        Files.write(dir.resolve("ec.sig"), der(Arrays.copyOfRange(raw, 0, 32), Arrays.copyOfRange(raw, 32, 64)));
        Outcome ok = openssl("dgst", "-sha256", "-verify", "ec_pub.pem", "-signature", "ec.sig", "message.txt");
        assertEquals("Verified OK", ok.out.strip(), ok.err);
    }

    @Test
    void openSslReadsTheKeysMadeFromJwks() throws Exception {
        // an odd 1585-bit modulus, and P-256's base point as the EC key
        String script = """
                save("jwk_rsa.pem", rsa_from_jwk("%s", "AQAB"))
                save("jwk_ec.pem", ec_from_jwk("%s", "%s"))
                """.formatted(Base64.getUrlEncoder().withoutPadding().encodeToString(new BigInteger("3").pow(1000).toByteArray()),
                "axfR8uEsQkf4vOblY6RA8ncDfYEt6zOg9KE5RdiYwpY", "T-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU");
        ScriptRun r = ScriptRun.script(dir, "jwk.du", script);
        assertEquals(0, r.status(), r.err());
        for (String file : List.of("jwk_rsa.pem", "jwk_ec.pem")) {
            Outcome read = openssl("pkey", "-pubin", "-in", file, "-noout", "-text");
            assertEquals(0, read.status, read.err);
            assertTrue(read.out.contains("Public-Key"), read.out);
        }
    }

    private static String sign(String builtin, String key) {
        ScriptRun r = ScriptRun.script(dir, builtin + ".du",
                "print(" + builtin + "(load(\"message.txt\"), load(\"" + key + "\")))\n");
        assertEquals(0, r.status(), r.err());
        return r.out().strip();
    }

    /** ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }, the form OpenSSL reads. */
    private static byte[] der(byte[] r, byte[] s) {
        byte[] ri = new BigInteger(1, r).toByteArray();
        byte[] si = new BigInteger(1, s).toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(4 + ri.length + si.length);
        out.write(0x02);
        out.write(ri.length);
        out.writeBytes(ri);
        out.write(0x02);
        out.write(si.length);
        out.writeBytes(si);
        return out.toByteArray();
    }

    private record Outcome(int status, String out, String err) {}

    private static Outcome openssl(String... args) throws InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Outcome(-1, "", "openssl timed out");
            }
            return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outcome(-1, "", e.toString());
        }
    }
}
