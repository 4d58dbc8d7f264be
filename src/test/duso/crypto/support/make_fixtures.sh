#!/bin/sh
# Regenerates the keys and signatures the crypto golden scripts check (OpenSSL 3).
# The scripts pin these exact bytes, so only run this when changing the fixtures.
set -e
cd "$(dirname "$0")"
printf 'signed by openssl' > message.txt

# RSA 2048: PKCS#1 and PKCS#8 private keys, PKIX and PKCS#1 public keys, a certificate.
openssl genrsa -traditional -out rsa_pkcs1.pem 2048 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in rsa_pkcs1.pem -out rsa_pkcs8.pem
openssl rsa -in rsa_pkcs1.pem -pubout -out rsa_public.pem 2>/dev/null
openssl rsa -in rsa_pkcs1.pem -RSAPublicKey_out -out rsa_public_pkcs1.pem 2>/dev/null
openssl req -new -x509 -key rsa_pkcs1.pem -subj /CN=duso-test -days 36500 -out rsa_cert.pem
openssl dgst -sha256 -sign rsa_pkcs1.pem message.txt | openssl base64 -A > rsa_message.sig
openssl genrsa -traditional -out rsa_512.pem 512 2>/dev/null

# EC: P-256 as SEC1 and PKCS#8, its public key and certificate; P-384 and secp256k1 keys.
openssl ecparam -name prime256v1 -genkey -noout -out ec_p256_sec1.pem
openssl pkcs8 -topk8 -nocrypt -in ec_p256_sec1.pem -out ec_p256_pkcs8.pem
openssl ec -in ec_p256_sec1.pem -pubout -out ec_p256_public.pem 2>/dev/null
openssl req -new -x509 -key ec_p256_sec1.pem -subj /CN=duso-test -days 36500 -out ec_p256_cert.pem
openssl ecparam -name secp384r1 -genkey -noout -out ec_p384_sec1.pem
openssl ec -in ec_p384_sec1.pem -pubout -out ec_p384_public.pem 2>/dev/null
openssl ecparam -name secp256k1 -genkey -noout -out ec_k256_sec1.pem
# OpenSSL writes ECDSA signatures as DER; JWS (and sign_ec) use raw r||s, base64url.
openssl dgst -sha256 -sign ec_p256_sec1.pem message.txt > ec_message.der
python3 - <<'PY'
import base64
der = open("ec_message.der", "rb").read()
def integer(b, i):
    assert b[i] == 2
    n = b[i + 1]
    return int.from_bytes(b[i + 2:i + 2 + n], "big"), i + 2 + n
i = 2 if der[1] < 0x80 else 3
r, i = integer(der, i)
s, i = integer(der, i)
raw = r.to_bytes(32, "big") + s.to_bytes(32, "big")
open("ec_message.sig", "w").write(base64.urlsafe_b64encode(raw).decode().rstrip("="))
PY
rm ec_message.der

# Ed25519: key pair and a signature in base64url, base64 and hex.
openssl genpkey -algorithm ed25519 -out ed25519_private.pem
openssl pkey -in ed25519_private.pem -pubout -out ed25519_public.pem
openssl pkeyutl -sign -rawin -inkey ed25519_private.pem -in message.txt > ed.sig.bin
openssl base64 -A -in ed.sig.bin | tr '+/' '-_' | tr -d '=' > ed25519_message.sig
openssl base64 -A -in ed.sig.bin > ed25519_message_std.sig
od -An -tx1 -v ed.sig.bin | tr -d ' \n' > ed25519_message_hex.sig
# The raw 32-byte public key, base64 (what services publish instead of PEM).
openssl pkey -pubin -in ed25519_public.pem -outform DER | tail -c 32 | openssl base64 -A > ed25519_public_raw.b64
rm ed.sig.bin

# The public keys as JWKs: rsa_from_jwk/ec_from_jwk must give back the PEM files above.
python3 - <<'PY'
import base64, json, subprocess
def b64url(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")
def der(path):
    return subprocess.run(["openssl", "pkey", "-pubin", "-in", path, "-outform", "DER"],
                          capture_output=True, check=True).stdout
text = subprocess.run(["openssl", "rsa", "-pubin", "-in", "rsa_public.pem", "-noout", "-modulus"],
                      capture_output=True, check=True, text=True).stdout
n = int(text.strip().split("=")[1], 16)
rsa = {"kty": "RSA", "n": b64url(n.to_bytes((n.bit_length() + 7) // 8, "big")), "e": "AQAB"}
point = der("ec_p256_public.pem")[-64:]
ec = {"kty": "EC", "crv": "P-256", "x": b64url(point[:32]), "y": b64url(point[32:])}
json.dump({"keys": [rsa, ec]}, open("jwks.json", "w"), indent=2)
PY
