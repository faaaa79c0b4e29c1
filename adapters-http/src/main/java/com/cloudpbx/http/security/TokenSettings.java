package com.cloudpbx.http.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/** @param expirationSeconds how long a login token is valid ({@code voip.jwt.expiration-seconds}) */
@Context
@ConfigurationProperties("voip.jwt")
public record TokenSettings(
        @Bindable(defaultValue = "43200")
        @Min(value = 1, message = "VOIP_JWT_EXPIRATION_SECONDS must be a whole number of seconds, 1 or more")
        int expirationSeconds) {
}
