package com.cloudpbx.storage.secrets;

import com.cloudpbx.core.identity.port.PasswordHasher;
import com.cloudpbx.core.shared.port.SecretCipher;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The cipher for SIP passwords (key from VOIP_SECRET_KEY) and the hash for account passwords, built
 * from their settings: the classes themselves take plain values so that tests can build them directly.
 */
@Factory
public class SecretsBeans {

    @Singleton
    @Requires(property = SecretKeySettings.PROPERTY)
    SecretCipher secretCipher(SecretKeySettings settings) {
        return new AesGcmSecretCipher(AesGcmSecretCipher.parseKey(settings.secretKey()));
    }

    /** bcrypt, at most one hash per core at a time; see {@link BoundedPasswordHasher}. */
    @Singleton
    PasswordHasher passwordHasher(PasswordHashSettings settings) {
        return new BoundedPasswordHasher(new BcryptPasswordHasher(settings.cost()), settings.slots(),
                settings.queueWait());
    }
}
