package com.cloudpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path elsewhere;

    @Test
    void generated_secrets_are_stored_owner_only() throws Exception {
        new LocalSecrets(dataDir, new SecureRandom()).loadOrCreate();

        Path stored = dataDir.resolve(LocalSecrets.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("rw-------");
        try (var left = Files.list(dataDir)) {
            assertThat(left).containsExactly(stored);
        }
    }

    @Test
    void a_link_planted_at_a_predictable_temporary_name_never_receives_the_secrets() throws Exception {
        Path bait = Files.writeString(elsewhere.resolve("readable-by-others.txt"), "");
        Files.setPosixFilePermissions(bait, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(dataDir.resolve(LocalSecrets.FILE_NAME + ".tmp"), bait);

        Properties secrets = new LocalSecrets(dataDir, new SecureRandom()).loadOrCreate();

        assertThat(Files.readString(bait)).isEmpty();
        assertThat(Files.isSymbolicLink(dataDir.resolve(LocalSecrets.FILE_NAME))).isFalse();
        assertThat(Files.readString(dataDir.resolve(LocalSecrets.FILE_NAME)))
                .contains(secrets.getProperty(LocalSecrets.JWT_SECRET));
    }
}
