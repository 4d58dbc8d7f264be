package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CORS (headers and the OPTIONS preflight), JWT signing and verification with HS256 and
 * RS256 (sign_jwt, verify_jwt, jwt_claims, expiry, jwt.required), and multipart uploads.
 */
class HttpSecurityIT {
    @TempDir
    static Path dir;
    static ServerProcess server;
    static ServerProcess guarded;

    static final String MAIN = """
            priv = "PRIVATE_PEM"
            pub = "PUBLIC_PEM"
            s = http_server({port = PORT, address = "127.0.0.1", access_log = false,
              cors = {enabled = true, origins = ["https://a.example", "https://b.example"], methods = ["GET", "post"],
                      headers = "Authorization", credentials = true, max_age = 600},
              jwt = {enabled = true, secret = "s3cret", rs256_private_key = priv, rs256_public_key = pub},
              uploads = {enabled = true, max_size = 1}})
            s.route("GET", "/plain", parse('context().response().text("plain")'))
            s.route("GET", "/sign/:alg", parse('a = context().request().params.alg; context().response().text(context().response().sign_jwt({sub = "u1", role = "admin"}, {algorithm = a}))'))
            s.route("GET", "/expired", parse('context().response().text(context().response().sign_jwt({sub = "old"}, -10))'))
            s.route("GET", "/whoami", parse('r = context().request(); c = r.verify_jwt(); k = r.jwt_claims; context().response().text(tostring(c.sub) + "|" + tostring(c.role) + "|" + tostring(k.sub) + "|" + type(c.exp))'))
            s.route("GET", "/other-secret", parse('c = context().request().verify_jwt({secret = "other"}); context().response().text(tostring(c))'))
            s.route("POST", "/upload", parse('f = context().request().files; context().response().text(type(f.doc.data) + "|" + f.doc.filename + "|" + f.doc.content_type + "|" + f.doc.size + "|" + f.doc.data + "|" + type(f.img.data) + "|" + len(f.img.data) + "|" + len(f.many) + "|" + tostring(f.big) + "|" + tostring(context().request().form))'))
            s.start()
            """;

    static final String GUARDED = """
            s = http_server({port = PORT, address = "127.0.0.1", access_log = false, jwt = {enabled = true, secret = "k", required = true}})
            s.route("GET", "/token", parse('context().response().text("unreachable")'))
            s.route("GET", "/in", parse('context().response().text("in as " + context().request().jwt_claims.sub)'))
            s.start()
            """;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        String main = MAIN.replace("PRIVATE_PEM", HttpsIT.pem("PRIVATE KEY", kp.getPrivate().getEncoded()))
                .replace("PUBLIC_PEM", HttpsIT.pem("PUBLIC KEY", kp.getPublic().getEncoded()));
        server = ServerProcess.start(dir.resolve("a"), "main.du", Map.of("main.du", main));
        guarded = ServerProcess.start(dir.resolve("b"), "main.du", Map.of("main.du", GUARDED));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        guarded.close();
    }

    @Test
    void corsHeadersForAllowedOrigins() throws Exception {
        HttpResponse<String> r = server.get("/plain", "Origin", "https://b.example");
        assertEquals("https://b.example", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("GET, POST", r.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
        assertEquals("Authorization", r.headers().firstValue("Access-Control-Allow-Headers").orElse(""));
        assertEquals("true", r.headers().firstValue("Access-Control-Allow-Credentials").orElse(""));
        assertEquals("600", r.headers().firstValue("Access-Control-Max-Age").orElse(""));
        HttpResponse<String> other = server.get("/plain", "Origin", "https://evil.example");
        assertFalse(other.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertEquals("plain", other.body());
    }

    @Test
    void preflightIs204WithoutRunningAHandler() throws Exception {
        HttpResponse<String> r = server.send("OPTIONS", "/anything", null, "Origin", "https://a.example",
                "Access-Control-Request-Method", "POST");
        assertEquals(204, r.statusCode());
        assertEquals("https://a.example", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<String> refused = server.send("OPTIONS", "/anything", null, "Origin", "https://evil.example");
        assertEquals(404, refused.statusCode());
    }

    @Test
    void hs256RoundTrip() throws Exception {
        String token = server.get("/sign/HS256").body();
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", decode(parts[0]));
        assertTrue(decode(parts[1]).matches("\\{\"exp\":\\d+,\"role\":\"admin\",\"sub\":\"u1\"\\}"), decode(parts[1]));
        assertEquals("u1|admin|u1|number", server.get("/whoami", "Authorization", "Bearer " + token).body());
        assertEquals("nil", server.get("/other-secret", "Authorization", "Bearer " + token).body());
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2) + "AA";
        assertEquals("nil|nil|nil|nil", server.get("/whoami", "Authorization", "Bearer " + tampered).body());
        assertEquals("nil|nil|nil|nil", server.get("/whoami").body());
    }

    @Test
    void rs256RoundTrip() throws Exception {
        String token = server.get("/sign/RS256").body();
        assertEquals("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", decode(token.split("\\.")[0]));
        assertEquals("u1|admin|u1|number", server.get("/whoami", "Authorization", "Bearer " + token).body());
    }

    @Test
    void unsupportedAlgorithmIsAnError() throws Exception {
        HttpResponse<String> r = server.get("/sign/none");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("unsupported algorithm: none (supported: HS256, RS256)"), r.body());
    }

    @Test
    void expiredTokensAreRejected() throws Exception {
        String token = server.get("/expired").body();
        assertEquals("nil|nil|nil|nil", server.get("/whoami", "Authorization", "Bearer " + token).body());
    }

    @Test
    void requiredJwtAnswers401WithoutAValidToken() throws Exception {
        HttpResponse<String> r = guarded.get("/in");
        assertEquals(401, r.statusCode());
        assertEquals("Unauthorized\n", r.body());
        String token = signedByGuarded();
        assertEquals("in as me", guarded.get("/in", "Authorization", "Bearer " + token).body());
    }

    /** An HS256 token for secret "k", built here as any other issuer would build it. */
    private static String signedByGuarded() throws Exception {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        String msg = b.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString("{\"sub\":\"me\"}".getBytes(StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return msg + "." + b.encodeToString(mac.doFinal(msg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void multipartUploads() throws Exception {
        String body = part("doc", "notes.txt", "text/plain", "hello upload")
                + part("img", "dot.png", "image/png", "\u0089PNG....")
                + part("many", "1.txt", "text/plain", "one") + part("many", "2.txt", "text/plain", "two")
                + part("big", "big.bin", "application/octet-stream", "z".repeat(2000))
                + "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nMy title\r\n--XyZ--\r\n";
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.url("/upload")))
                .header("Content-Type", "multipart/form-data; boundary=XyZ")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1))).build();
        HttpResponse<String> r = server.client.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals("string|notes.txt|text/plain|12|hello upload|binary|8|2|nil|{title=\"My title\"}", r.body());
    }

    private static String part(String field, String filename, String type, String content) {
        return "--XyZ\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n" + content + "\r\n";
    }

    private static String decode(String b64) {
        return new String(Base64.getUrlDecoder().decode(b64), StandardCharsets.UTF_8);
    }
}
