package org.orderly.store.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.orderly.exchange.audit.AuditSigner;
import org.orderly.store.OwnerOnlyFile;

/**
 * The audit key's files, outside the database: {@value #PRIVATE_KEY} (PKCS#8 PEM, readable by its owner only) and
 * {@value #PUBLIC_KEY} (X.509 PEM, to publish). Generated together at first start.
 */
public final class AuditKeys {
    public static final String PRIVATE_KEY = "audit-signing-key.pem";
    public static final String PUBLIC_KEY = "audit-public-key.pem";

    private AuditKeys() {}

    /** The signer whose files are in {@code directory}, generating both files when neither exists. */
    public static AuditSigner loadOrCreate(Path directory) {
        OwnerOnlyFile.createDirectory(directory);
        Path privateKey = directory.resolve(PRIVATE_KEY);
        Path publicKey = directory.resolve(PUBLIC_KEY);
        try {
            if (!Files.exists(privateKey) && !Files.exists(publicKey)) {
                AuditSigner generated = AuditSigner.generate();
                OwnerOnlyFile.create(privateKey, generated.privateKeyPem());
                Files.writeString(publicKey, generated.publicKey().pem(), StandardCharsets.US_ASCII);
                return generated;
            }
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                throw new IllegalStateException("the audit key in " + directory + " is half there: "
                        + (Files.exists(privateKey) ? PUBLIC_KEY : PRIVATE_KEY)
                        + " is missing. Restore it from a backup; Orderly does not make a new key beside an old one, "
                        + "since entries signed with the old key would no longer verify");
            }
            return AuditSigner.parse(
                    OwnerOnlyFile.read(privateKey), Files.readString(publicKey, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit key in " + directory + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the audit key in " + directory + " cannot be used: " + e.getMessage(), e);
        }
    }
}
