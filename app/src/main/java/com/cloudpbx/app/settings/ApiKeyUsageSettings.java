package com.cloudpbx.app.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** @param usageFlushInterval how often API-key usage is written, in one batch ({@code voip.api-keys.*}) */
@Context
@ConfigurationProperties("voip.api-keys")
public record ApiKeyUsageSettings(
        @Bindable(defaultValue = "10s") @NotNull Duration usageFlushInterval) {
}
