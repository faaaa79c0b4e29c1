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
    void generatedSecretsAreStoredOwnerOnly() throws Exception {
        new LocalSecrets(dataDir, new SecureRandom()).loadOrCreate();

        Path stored = dataDir.resolve(LocalSecrets.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("rw-------");
        try (var left = Files.list(dataDir)) {
            assertThat(left).containsExactly(stored);
        }
    }

    @Test
    void aLinkPlantedAtAPredictableTemporaryNameNeverReceivesTheSecrets() throws Exception {
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
