package com.cloudpbx.app.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;

/**
 * The coturn REST API ({@code voip.turn.*}).
 *
 * @param secret     the shared secret TURN credentials are signed with; they are only as strong as it is
 * @param urls       the TURN URLs, comma-separated
 * @param ttlSeconds how long a credential lasts
 */
@Context
@ConfigurationProperties("voip.turn")
public record TurnServerSettings(
        @Nullable
        @Size(min = 16, message = "VOIP_TURN_SECRET is too short: use at least 16 characters,"
                + " e.g. `openssl rand -hex 32`.")
        String secret,
        @Nullable String urls,
        @Bindable(defaultValue = "86400")
        @Min(value = 1, message = "VOIP_TURN_TTL must be a whole number of seconds, 1 or more")
        long ttlSeconds) {

    @Override
    public String toString() {
        return "TurnServerSettings[secret=" + (secret == null ? "unset" : "(hidden)") + ", urls=" + urls
                + ", ttlSeconds=" + ttlSeconds + "]";
    }

    public List<String> urlList() {
        return urls == null ? List.of()
                : Arrays.stream(urls.split(",")).map(String::strip).filter(url -> !url.isEmpty()).toList();
    }
}
