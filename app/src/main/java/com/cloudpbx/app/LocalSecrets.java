package com.cloudpbx.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * Writes a fresh file that is owner-only from its creation (no moment in which others could
     * read it), under a name nobody can predict or plant a link at, then moves it into place.
     */
    private void store(Properties secrets) throws IOException {
        Path directory = Files.createDirectories(file.getParent());
        Path temporary = ownerOnlyTemporaryFile(directory);
        try {
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                secrets.store(writer, "Generated secrets of the embedded server: keep this file private");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path ownerOnlyTemporaryFile(Path directory) throws IOException {
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(directory, FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        // Windows: the file inherits the user profile's ACLs.
        return Files.createTempFile(directory, FILE_NAME, ".tmp");
    }
}
