package duso.client;

import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;

/**
 * {@code send_mail(options)}. Registering it loads nothing else: the SMTP client, MIME
 * encoders and TLS setup are only loaded when a script first sends mail.
 */
public final class MailLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("send_mail", a -> SendMail.call(a));
    }
}
