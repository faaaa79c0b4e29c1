package com.cloudpbx.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Secrets of the embedded default, generated on first start and kept in the data directory so a
 * restart can still verify tokens and decrypt SIP passwords.
 */
final class LocalSecrets {

    static final String FILE_NAME = "secrets.properties";
    static final String JWT_SECRET = "jwt-secret";
    static final String SECRET_KEY = "secret-key";

    private final Path file;
    private final SecureRandom random;

    LocalSecrets(Path dataDirectory, SecureRandom random) {
        this.file = dataDirectory.resolve(FILE_NAME);
        this.random = random;
    }

    /** The stored secrets, generating and storing any that are missing. */
    Properties loadOrCreate() {
        Properties secrets = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    secrets.load(reader);
                }
            }
            boolean changed = putIfAbsent(secrets, JWT_SECRET, 48) | putIfAbsent(secrets, SECRET_KEY, 32);
            if (changed) {
                store(secrets);
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private boolean putIfAbsent(Properties secrets, String name, int bytes) {
        if (secrets.getProperty(name) != null) {
            return false;
        }
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        secrets.setProperty(name, Base64.getEncoder().encodeToString(value));
        return true;
    }

    private void store(Properties secrets) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            secrets.store(writer, "Generated secrets of the embedded server: keep this file private");
        }
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the user profile's ACLs.
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
