package org.orderly.exchange.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs audit entries and checkpoints with the private half of the audit key (Ed25519; keys made and encoded by the
 * JDK in standard PKCS#8 PEM, signatures computed by Bouncy Castle for speed). The key lives outside the
 * database, so that whoever can write the database still cannot write an entry or checkpoint that verifies.
 */
public final class AuditSigner {
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private final PrivateKey privateKey;
    private final Ed25519PrivateKeyParameters parameters;
    private final AuditKey publicKey;

    public AuditSigner(PrivateKey privateKey, AuditKey publicKey) {
        if (!(privateKey instanceof EdECPrivateKey edwards)
                || edwards.getBytes().isEmpty()) {
            throw new IllegalArgumentException(
                    "the audit signing key must be an Ed25519 private key, was " + privateKey.getAlgorithm());
        }
        this.privateKey = privateKey;
        this.parameters = new Ed25519PrivateKeyParameters(edwards.getBytes().get(), 0);
        this.publicKey = publicKey;
        if (!publicKey.signed(sign(new AuditCheckpoint(0, AuditChain.GENESIS, Instant.EPOCH, "")))) {
            throw new IllegalArgumentException(
                    "the audit signing key and public key (" + publicKey.fingerprint() + ") are not a pair");
        }
    }

    /** A new key pair. */
    public static AuditSigner generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(AuditKey.ALGORITHM).generateKeyPair();
            return new AuditSigner(pair.getPrivate(), new AuditKey(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this Java runtime", e);
        }
    }

    public AuditKey publicKey() {
        return publicKey;
    }

    /** The entry with its signature over its hash. */
    public AuditEntry sign(AuditEntry entry) {
        return entry.signed(signature(AuditKey.entryText(entry.hash())));
    }

    /**
     * Signs entries written before signing existed (given in sequence order from the first), once their chain is
     * checked intact: the entries now signed, or empty when the chain is broken (those entries then stay unsigned,
     * and verification names them).
     */
    public java.util.List<AuditEntry> adopt(Iterable<AuditEntry> entries) {
        java.util.List<AuditEntry> signed = new java.util.ArrayList<>();
        String previous = AuditChain.GENESIS;
        long expected = 1;
        for (AuditEntry entry : entries) {
            if (entry.sequence() != expected++ || !entry.previousHash().equals(previous) || !AuditChain.sealed(entry))
                return java.util.List.of();
            if (entry.signature().isEmpty()) signed.add(sign(entry));
            else if (!publicKey.signed(entry)) return java.util.List.of();
            previous = entry.hash();
        }
        return signed;
    }

    /** The checkpoint with its signature. */
    public AuditCheckpoint sign(AuditCheckpoint checkpoint) {
        return new AuditCheckpoint(
                checkpoint.entries(), checkpoint.headHash(), checkpoint.at(), signature(checkpoint.signedText()));
    }

    private String signature(String text) {
        // Bouncy Castle's Ed25519: the same signatures as the JDK's (Ed25519 is deterministic), about 14 times faster.
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, parameters);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        signer.update(message, 0, message.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    /** The private key as PEM (PKCS#8), for a file only its owner may read. */
    public String privateKeyPem() {
        return PEM_BEGIN + "\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(privateKey.getEncoded())
                + "\n" + PEM_END + "\n";
    }

    /**
     * Reads a signer from its PEM private key and PEM public key.
     *
     * @throws IllegalArgumentException when either is not an Ed25519 key in PEM or they are not a pair
     */
    public static AuditSigner parse(String privatePem, String publicPem) {
        String text = privatePem.strip();
        if (!text.startsWith(PEM_BEGIN) || !text.endsWith(PEM_END)) {
            throw new IllegalArgumentException(
                    "not a PEM private key: expected the lines " + PEM_BEGIN + " … " + PEM_END);
        }
        try {
            byte[] der = Base64.getMimeDecoder()
                    .decode(text.substring(PEM_BEGIN.length(), text.length() - PEM_END.length()));
            PrivateKey key = KeyFactory.getInstance(AuditKey.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            return new AuditSigner(key, AuditKey.parse(publicPem));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
        }
    }
}
