package org.orderly.exchange.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The public half of the audit signing key (Ed25519): checks entry and checkpoint signatures. Anyone
 * holding it (a PEM file, published by the server) can verify an exported audit log offline. The key is read and
 * written with the JDK (standard X.509 PEM); signatures are checked with Bouncy Castle's Ed25519, which is much
 * faster than the JDK 17 one and gives the same (deterministic) results.
 */
public final class AuditKey {
    static final String ALGORITHM = "Ed25519";
    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";
    /** An Ed25519 SubjectPublicKeyInfo is this 12-byte prefix (RFC 8410) and the 32-byte key. */
    private static final int X509_PREFIX = 12;

    private final PublicKey publicKey;
    private final Ed25519PublicKeyParameters parameters;

    public AuditKey(PublicKey publicKey) {
        if (!ALGORITHM.equals(publicKey.getAlgorithm()) && !"EdDSA".equals(publicKey.getAlgorithm())) {
            throw new IllegalArgumentException("the audit key must be an Ed25519 key, was " + publicKey.getAlgorithm());
        }
        byte[] encoded = publicKey.getEncoded();
        if (encoded.length != X509_PREFIX + Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("not an Ed25519 public key (" + encoded.length + " bytes encoded)");
        }
        this.publicKey = publicKey;
        this.parameters = new Ed25519PublicKeyParameters(encoded, X509_PREFIX);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The text an entry's signature covers. */
    static String entryText(String hash) {
        return "orderly-audit-entry/1 " + hash;
    }

    /** Whether the entry carries a valid signature by this key over its hash. */
    public boolean signed(AuditEntry entry) {
        return valid(entryText(entry.hash()), entry.signature());
    }

    /** Whether the checkpoint carries a valid signature by this key. */
    public boolean signed(AuditCheckpoint checkpoint) {
        return valid(checkpoint.signedText(), checkpoint.signature());
    }

    private boolean valid(String text, String signature) {
        if (signature.isEmpty()) return false;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, parameters);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(bytes);
    }

    /** SHA-256 of the encoded key, in hex: a short name to compare keys by. */
    public String fingerprint() {
        try {
            return "SHA256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The key as PEM (X.509 SubjectPublicKeyInfo), as {@code openssl pkey -pubout} writes it. */
    public String pem() {
        return PEM_BEGIN + "\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(publicKey.getEncoded())
                + "\n" + PEM_END + "\n";
    }

    /**
     * Reads a PEM public key.
     *
     * @throws IllegalArgumentException when the text is no Ed25519 public key in PEM
     */
    public static AuditKey parse(String pem) {
        String text = pem.strip();
        if (!text.startsWith(PEM_BEGIN) || !text.endsWith(PEM_END)) {
            throw new IllegalArgumentException(
                    "not a PEM public key: expected the lines " + PEM_BEGIN + " … " + PEM_END);
        }
        try {
            byte[] der = Base64.getMimeDecoder()
                    .decode(text.substring(PEM_BEGIN.length(), text.length() - PEM_END.length()));
            return new AuditKey(KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }
}
