package com.cloudpbx.app;

import com.cloudpbx.core.identity.PasswordHasher;
import com.cloudpbx.core.shared.SecretCipher;
import com.cloudpbx.storage.secrets.AesGcmSecretCipher;
import com.cloudpbx.storage.secrets.BcryptPasswordHasher;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The cipher for SIP passwords (key from VOIP_SECRET_KEY) and the hash for account passwords. */
@Factory
public class SecretsWiring {

    @Singleton
    SecretCipher secretCipher(@Value("${voip.secret-key}") String key) {
        return new AesGcmSecretCipher(AesGcmSecretCipher.parseKey(key));
    }

    @Singleton
    PasswordHasher passwordHasher(@Value("${voip.bcrypt.cost:12}") int cost) {
        return new BcryptPasswordHasher(cost);
    }
}
