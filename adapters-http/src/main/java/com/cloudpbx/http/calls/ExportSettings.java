package com.cloudpbx.http.calls;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Call-history exports ({@code voip.export.*}). Created at start so that a value out of range
 * stops the start rather than the first export.
 *
 * @param maxConcurrent exports running at once, server-wide; also the size of the exports' own
 *                      connection pool ({@code datasources.export.maximum-pool-size} reads it)
 * @param maxPerTenant  exports one tenant may run at once
 * @param stallSeconds  an export whose client reads nothing for this long is cut off; past 30 s a
 *                      stalled client would hold an export connection longer than docs/api.md promises
 */
@Context
@ConfigurationProperties("voip.export")
public record ExportSettings(
        @Bindable(defaultValue = "4")
        @Min(value = 1, message = MAX_CONCURRENT) @Max(value = 100, message = MAX_CONCURRENT) int maxConcurrent,
        @Bindable(defaultValue = "3")
        @Min(value = 1, message = MAX_PER_TENANT) @Max(value = 100, message = MAX_PER_TENANT) int maxPerTenant,
        @Bindable(defaultValue = "30")
        @Min(value = 1, message = STALL_SECONDS) @Max(value = 30, message = STALL_SECONDS) int stallSeconds) {

    static final String MAX_CONCURRENT = "VOIP_EXPORT_MAX_CONCURRENT must be a whole number from 1 to 100";
    static final String MAX_PER_TENANT = "VOIP_EXPORT_MAX_PER_TENANT must be a whole number from 1 to 100";
    static final String STALL_SECONDS = "VOIP_EXPORT_STALL_SECONDS must be a whole number from 1 to 30";
}
