package duso.runtime.lib;

import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.crypto.JwkKeys;
import duso.runtime.crypto.Signatures;

/**
 * Public-key signatures: sign_rsa, verify_rsa, sign_ec, verify_ec, verify_ed25519, and the JWK
 * converters rsa_from_jwk and ec_from_jwk. The work is in duso.runtime.crypto and is reached
 * only from inside the lambdas, so neither it nor java.security is loaded until a script signs
 * or verifies something.
 */
public final class SignatureLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("sign_rsa", a -> Signatures.signRsa(a));
        r.add("verify_rsa", a -> Signatures.verifyRsa(a));
        r.add("sign_ec", a -> Signatures.signEc(a));
        r.add("verify_ec", a -> Signatures.verifyEc(a));
        r.add("verify_ed25519", a -> Signatures.verifyEd25519(a));
        r.add("rsa_from_jwk", a -> JwkKeys.rsaFromJwk(a));
        r.add("ec_from_jwk", a -> JwkKeys.ecFromJwk(a));
    }
}
