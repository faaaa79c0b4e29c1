package com.cloudpbx.app;

import com.cloudpbx.app.settings.PasswordHashSettings;
import com.cloudpbx.app.settings.SecretKeySettings;
import com.cloudpbx.core.identity.port.PasswordHasher;
import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.storage.secrets.AesGcmSecretCipher;
import com.cloudpbx.storage.secrets.BcryptPasswordHasher;
import com.cloudpbx.storage.secrets.BoundedPasswordHasher;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The cipher for SIP passwords (key from VOIP_SECRET_KEY) and the hash for account passwords. */
@Factory
public class SecretsWiring {

    @Singleton
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
