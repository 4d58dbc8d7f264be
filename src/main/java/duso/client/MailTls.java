package duso.client;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How send_mail() verifies a relay's certificate: against the JDK's trusted roots and the
 * relay's host name, or (the reference's undocumented {@code insecure = true}, for a relay
 * with a self-signed certificate) not at all.
 */
record MailTls(SSLContext context, boolean insecure) {

    static MailTls of(boolean insecure) throws GeneralSecurityException {
        if (!insecure) {
            return new MailTls(SSLContext.getDefault(), false);
        }
        SSLContext trusting = SSLContext.getInstance("TLS");
        trusting.init(null, new TrustManager[] {new TrustEverything()}, null);
        return new MailTls(trusting, true);
    }

    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // only ever a client
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // insecure = true: the caller asked not to verify the relay
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
