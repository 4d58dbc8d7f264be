package duso.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate chain and private key read from PEM files (what certbot writes), as a
 * KeyStore for the TLS stack, plus the files' modification stamps so a renewal can be
 * noticed. Loading fails with Go's {@code tls.LoadX509KeyPair} messages, including when the
 * key does not belong to the certificate.
 */
final class TlsCertificate {
    static final char[] PASSWORD = "duso".toCharArray();

    final KeyStore keyStore;
    final String stamp;

    private TlsCertificate(KeyStore keyStore, String stamp) {
        this.keyStore = keyStore;
        this.stamp = stamp;
    }

    /** A cheap fingerprint of both files (mtime and size), or null when either is missing. */
    static String stamp(Path certFile, Path keyFile) {
        try {
            BasicFileAttributes c = Files.readAttributes(certFile, BasicFileAttributes.class);
            BasicFileAttributes k = Files.readAttributes(keyFile, BasicFileAttributes.class);
            return c.lastModifiedTime().toMillis() + "/" + c.size() + "/" + k.lastModifiedTime().toMillis() + "/"
                    + k.size();
        } catch (IOException e) {
            return null;
        }
    }

    /** Loads the pair; the exception message is the text the reference would print. */
    static TlsCertificate load(String certName, String keyName, Path certFile, Path keyFile) throws Exception {
        String stamp = stamp(certFile, keyFile);
        List<PemKeys.Block> certBlocks = PemKeys.decode(read(certName, certFile));
        List<X509Certificate> chain = PemKeys.certificates(certBlocks);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("tls: failed to find any PEM data in certificate input");
        }
        List<PemKeys.Block> keyBlocks = PemKeys.decode(read(keyName, keyFile));
        PemKeys.Block keyBlock = PemKeys.firstPrivateKey(keyBlocks);
        if (keyBlock == null) {
            throw new IllegalArgumentException(keyBlocks.isEmpty() ? "tls: failed to find any PEM data in key input"
                    : "tls: found a certificate rather than a key in the PEM for the private key");
        }
        PrivateKey key;
        try {
            key = PemKeys.privateKey(keyBlock);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("tls: failed to parse private key");
        }
        if (!matches(key, chain.get(0))) {
            throw new IllegalArgumentException("tls: private key does not match public key");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("duso", key, PASSWORD, chain.toArray(new X509Certificate[0]));
        return new TlsCertificate(ks, stamp);
    }

    private static String read(String name, Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new IOException("open " + name + ": no such file or directory");
        } catch (IOException e) {
            throw new IOException("open " + name + ": " + e.getMessage());
        }
    }

    /** Signs and verifies a probe, which works for every key type the JDK knows. */
    private static boolean matches(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] probe = "duso-key-check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
