package com.cloudpbx.app.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * The superadmin created on an empty database ({@code voip.superadmin.*}); without them, the
 * core's default address and a generated password, printed once.
 */
@Context
@ConfigurationProperties("voip.superadmin")
public record SuperadminSettings(@Nullable String email, @Nullable String password) {

    public Optional<String> givenEmail() {
        return Optional.ofNullable(email).filter(e -> !e.isBlank());
    }

    public Optional<String> givenPassword() {
        return Optional.ofNullable(password).filter(p -> !p.isBlank());
    }

    @Override
    public String toString() {
        return "SuperadminSettings[email=" + email + ", password=(hidden)]";
    }
}
