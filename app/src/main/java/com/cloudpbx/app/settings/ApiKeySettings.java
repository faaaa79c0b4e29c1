package com.cloudpbx.app.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Authentication caches and throttles ({@code voip.auth.*}).
 *
 * @param apiKeyCacheSize                   API keys remembered after a lookup
 * @param unknownApiKeysPerAddressPerMinute lookups of keys that do not exist one client address may make per minute
 * @param standingCacheSeconds              how long a token's standing (tenant, account, extension) is cached
 */
@Context
@ConfigurationProperties("voip.auth")
public record ApiKeySettings(
        @Bindable(defaultValue = "10000")
        @Min(value = 1, message = "VOIP_AUTH_API_KEY_CACHE_SIZE must be a whole number, 1 or more")
        long apiKeyCacheSize,
        @Bindable(defaultValue = "30")
        @Min(value = 1, message = "VOIP_AUTH_UNKNOWN_API_KEYS_PER_ADDRESS_PER_MINUTE must be a whole number, 1 or more")
        int unknownApiKeysPerAddressPerMinute,
        @Bindable(defaultValue = "10")
        @Min(value = 0, message = "VOIP_AUTH_STANDING_CACHE_SECONDS must be a whole number, 0 or more")
        long standingCacheSeconds) {

    public Duration standingCache() {
        return Duration.ofSeconds(standingCacheSeconds);
    }
}
