package org.orderly.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The passwords of the embedded PostgreSQL, generated at first start and kept in
 * {@code $ORDERLY_HOME/database-passwords.properties}, readable by its owner only: {@code superuser} for the
 * {@code postgres} role (used only to set the database up at start) and {@code orderly} for the role Orderly
 * works as, which owns its schema and is no superuser.
 */
public record DatabasePasswords(String superuser, String orderly) {
    public static final String FILE_NAME = "database-passwords.properties";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public DatabasePasswords {
        check("superuser", superuser);
        check("orderly", orderly);
    }

    private static void check(String key, String password) {
        if (password == null || password.length() < 16 || !password.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException(
                    "the " + key + " password in " + FILE_NAME
                            + " must be at least 16 letters and digits (delete the file and the postgres folder to start afresh)");
        }
    }

    /** The file beside the data of an Orderly home. */
    public static Path file(Path home) {
        return home.resolve(FILE_NAME);
    }

    /** Reads the passwords of {@code home}, generating them (mode 0600) when the file does not exist yet. */
    public static DatabasePasswords loadOrCreate(Path home) {
        Path file = file(home);
        if (!Files.exists(file)) {
            DatabasePasswords generated = new DatabasePasswords(generate(), generate());
            OwnerOnlyFile.create(
                    file,
                    "# Passwords of Orderly's embedded PostgreSQL, generated at first start.\n"
                            + "# Keep this file readable by its owner only.\n"
                            + "superuser=" + generated.superuser() + "\norderly=" + generated.orderly() + "\n");
            return generated;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(OwnerOnlyFile.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new DatabasePasswords(properties.getProperty("superuser"), properties.getProperty("orderly"));
    }

    private static String generate() {
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return password.toString();
    }
}
