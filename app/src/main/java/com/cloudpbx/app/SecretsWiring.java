package com.cloudpbx.app;

import com.cloudpbx.core.identity.port.PasswordHasher;
import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.storage.secrets.AesGcmSecretCipher;
import com.cloudpbx.storage.secrets.BcryptPasswordHasher;
import com.cloudpbx.storage.secrets.BoundedPasswordHasher;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The cipher for SIP passwords (key from VOIP_SECRET_KEY) and the hash for account passwords. */
@Factory
public class SecretsWiring {

    @Singleton
    SecretCipher secretCipher(@Value("${voip.secret-key}") String key) {
        return new AesGcmSecretCipher(AesGcmSecretCipher.parseKey(key));
    }

    /** bcrypt, at most one hash per core at a time; see {@link BoundedPasswordHasher}. */
    @Singleton
    PasswordHasher passwordHasher(@Value("${voip.bcrypt.cost:12}") int cost,
                                  @Value("${voip.bcrypt.concurrency:0}") int concurrency,
                                  @Value("${voip.bcrypt.queue-wait-ms:1000}") long queueWaitMillis) {
        int slots = concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        return new BoundedPasswordHasher(new BcryptPasswordHasher(cost), slots, Duration.ofMillis(queueWaitMillis));
    }
}
