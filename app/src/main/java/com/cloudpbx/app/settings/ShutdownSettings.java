package com.cloudpbx.app.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** @param grace how long requests in flight get to finish when the server stops ({@code voip.shutdown.grace}) */
@Context
@ConfigurationProperties("voip.shutdown")
public record ShutdownSettings(@Bindable(defaultValue = "5s") @NotNull Duration grace) {
}
