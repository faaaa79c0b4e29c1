package com.cloudpbx.http.ws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * @param sessionRecheckSeconds how often each open events socket's credential is checked again
 *                              ({@code voip.auth.session-recheck-seconds}); beyond 30 s a socket
 *                              could outlive its revoked credential longer than docs/api.md promises
 */
@Context
@ConfigurationProperties("voip.auth")
public record SessionRecheckSettings(
        @Bindable(defaultValue = "10")
        @Min(value = 1, message = RANGE) @Max(value = 30, message = RANGE) int sessionRecheckSeconds) {

    static final String RANGE = "VOIP_SESSION_RECHECK_SECONDS must be a whole number from 1 to 30";
}
