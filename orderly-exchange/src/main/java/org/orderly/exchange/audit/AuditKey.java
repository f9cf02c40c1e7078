package org.orderly.exchange.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The public half of the audit signing key (Ed25519, the JDK's own): checks entry and checkpoint signatures. Anyone
 * holding it (a PEM file, published by the server) can verify an exported audit log offline.
 */
public record AuditKey(PublicKey publicKey) {
    static final String ALGORITHM = "Ed25519";
    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";

    public AuditKey {
        if (!ALGORITHM.equals(publicKey.getAlgorithm()) && !"EdDSA".equals(publicKey.getAlgorithm())) {
            throw new IllegalArgumentException("the audit key must be an Ed25519 key, was " + publicKey.getAlgorithm());
        }
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
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | SignatureException notASignature) {
            return false;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("the audit key cannot verify: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this Java runtime", e);
        }
    }

    /** SHA-256 of the encoded key, in hex: a short name to compare keys by. */
    public String fingerprint() {
        try {
            return "SHA256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The key as PEM (X.509 SubjectPublicKeyInfo), as {@code openssl pkey -pubout} writes it. */
    public String pem() {
        return PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded())
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
            throw new IllegalArgumentException("not a PEM public key: expected the lines " + PEM_BEGIN + " … " + PEM_END);
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(text.substring(PEM_BEGIN.length(), text.length() - PEM_END.length()));
            return new AuditKey(KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }
}
