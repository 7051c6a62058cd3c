package dev.instanceha.interfaces.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks TLS material before it replaces what a server runs with: the certificate parses as X.509,
 * the private key parses (PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted), and the key belongs to the
 * certificate (a test message signed with the key verifies with the certificate's public key).
 * Text between PEM markers is not trusted to be a key just because the markers are there.
 * Descriptions never contain the material.
 */
public final class KeyPairCheck {
    /** Which of the two values is wrong. */
    public enum Part {
        CERTIFICATE,
        KEY
    }

    /** What is wrong, and with which value. */
    public record Problem(Part part, String description) {}

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");
    private static final byte[] PROBE = "instanceha key pair check".getBytes(StandardCharsets.US_ASCII);

    private KeyPairCheck() {}

    /** A problem with the pair, or empty when the key is the certificate's. */
    public static Optional<Problem> check(String certPem, String keyPem) {
        List<X509Certificate> certs;
        try {
            certs = certificates(certPem);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of(new Problem(Part.CERTIFICATE, "is not a PEM X.509 certificate"));
        }
        PrivateKey key;
        try {
            key = privateKey(keyPem);
        } catch (KeyFormatException e) {
            return Optional.of(new Problem(Part.KEY, e.getMessage()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of(new Problem(Part.KEY, "is not a PEM private key (RSA, EC or PKCS#8)"));
        }
        if (!belongTogether(key, certs.get(0).getPublicKey())) {
            return Optional.of(new Problem(Part.KEY, "does not belong to the certificate (its public key differs)"));
        }
        return Optional.empty();
    }

    /** A problem with a certificate bundle (a CA, a chain), or empty when every block is a certificate. */
    public static Optional<String> certificateProblem(String pem) {
        try {
            certificates(pem);
            return Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of("is not a PEM X.509 certificate");
        }
    }

    /** Every CERTIFICATE block, in order; at least one. Text around the blocks (openssl's dump) is ignored. */
    static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals("CERTIFICATE")) {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(decode(m.group(2)))));
            }
        }
        if (out.isEmpty()) {
            throw new CertificateParseFailure();
        }
        return out;
    }

    /** The first private key block; EC PARAMETERS blocks that openssl puts before it are skipped. */
    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String label = m.group(1);
            if (!label.endsWith("PRIVATE KEY")) {
                continue;
            }
            byte[] der = decode(m.group(2));
            return switch (label) {
                case "PRIVATE KEY" -> pkcs8(der);
                case "RSA PRIVATE KEY" -> pkcs8(sequence(der(0x02, new byte[] {0}), RSA_ALGORITHM, der(0x04, der)));
                case "EC PRIVATE KEY" ->
                    pkcs8(sequence(
                            der(0x02, new byte[] {0}), sequence(EC_PUBLIC_KEY_OID, namedCurve(der)), der(0x04, der)));
                case "ENCRYPTED PRIVATE KEY" ->
                    throw new KeyFormatException("is encrypted: give the key without a passphrase");
                default -> throw new KeyFormatException("is a " + label + ", not an RSA, EC or PKCS#8 key");
            };
        }
        throw new KeyFormatException("has no PEM private key block");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "EdDSA", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    private static boolean belongTogether(PrivateKey key, PublicKey certificateKey) {
        String signatureAlgorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null;
        };
        if (signatureAlgorithm == null) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(signatureAlgorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(signatureAlgorithm);
            verifier.initVerify(certificateKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a key of another type than the certificate's cannot verify: not the pair
        }
    }

    /** The curve OID from a SEC1 ECPrivateKey's [0] parameters (required: PKCS#8 needs it). */
    private static byte[] namedCurve(byte[] sec1) {
        int[] outer = header(sec1, 0);
        if (sec1[0] != 0x30) {
            throw new KeyFormatException("is not an EC private key");
        }
        int pos = outer[0];
        int end = Math.min(sec1.length, outer[0] + outer[1]);
        while (pos < end) {
            int[] h = header(sec1, pos);
            if ((sec1[pos] & 0xff) == 0xa0) {
                byte[] oid = java.util.Arrays.copyOfRange(sec1, h[0], h[0] + h[1]);
                if (oid.length < 2 || oid[0] != 0x06) {
                    throw new KeyFormatException("has EC parameters that are not a named curve");
                }
                return oid;
            }
            pos = h[0] + h[1];
        }
        throw new KeyFormatException("is an EC key without its named curve");
    }

    /** {content offset, content length} of the DER element at {@code pos}. */
    private static int[] header(byte[] der, int pos) {
        if (pos + 2 > der.length) {
            throw new KeyFormatException("is truncated");
        }
        int len = der[pos + 1] & 0xff;
        int offset = pos + 2;
        if (len >= 0x80) {
            int bytes = len & 0x7f;
            if (bytes == 0 || bytes > 3 || offset + bytes > der.length) {
                throw new KeyFormatException("is not valid DER");
            }
            len = 0;
            for (int i = 0; i < bytes; i++) {
                len = (len << 8) | (der[offset++] & 0xff);
            }
        }
        if (offset + len > der.length) {
            throw new KeyFormatException("is truncated");
        }
        return new int[] {offset, len};
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return der(0x30, content.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write(len >> 8);
            out.write(len);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
    }

    /** What is wrong with a key, in words fit for a status (never the key). */
    private static final class KeyFormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        KeyFormatException(String message) {
            super(message);
        }
    }

    private static final class CertificateParseFailure extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
