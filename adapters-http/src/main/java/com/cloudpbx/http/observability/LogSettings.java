package com.cloudpbx.http.observability;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param format {@code json}: every log line, the access log's included, is a JSON object;
 *               any other value is text ({@code voip.log.format})
 */
@Context
@ConfigurationProperties("voip.log")
public record LogSettings(
        @Bindable(defaultValue = "text") String format) {

    public boolean json() {
        return "json".equalsIgnoreCase(format.strip());
    }
}
