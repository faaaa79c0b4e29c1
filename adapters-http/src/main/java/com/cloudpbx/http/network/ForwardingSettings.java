package com.cloudpbx.http.network;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Pattern;

/**
 * Which forwarding headers the server believes ({@code voip.http.*}), see {@link ClientAddresses}.
 *
 * @param trustedProxies  comma-separated addresses or CIDR blocks of the proxies in front of the
 *                        server; unset, the client is always the TCP peer
 * @param forwardedHeader the header those proxies write: X-Forwarded-For or Forwarded
 */
@Context
@ConfigurationProperties("voip.http")
public record ForwardingSettings(
        @Nullable
        @AddressList(message = "VOIP_TRUSTED_PROXIES must be comma-separated IP addresses or CIDR blocks of the"
                + " proxies in front of the server (e.g. 10.0.0.0/8,fd00::/8), got ")
        String trustedProxies,
        @Bindable(defaultValue = ClientAddresses.X_FORWARDED_FOR)
        @Pattern(regexp = "(?i)\\s*(X-Forwarded-For|Forwarded)\\s*", message = "VOIP_FORWARDED_HEADER must be"
                + " X-Forwarded-For or Forwarded: the header the proxies in VOIP_TRUSTED_PROXIES write")
        String forwardedHeader) {
}
