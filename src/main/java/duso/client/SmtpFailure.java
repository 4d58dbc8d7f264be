package duso.client;

/** A failed SMTP exchange, worded as Go's net, tls and net/smtp packages word it. */
final class SmtpFailure extends Exception {
    SmtpFailure(String goMessage) {
        super(goMessage, null, false, false);
    }
}
