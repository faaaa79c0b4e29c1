package com.cloudpbx.http.xmlcurl;

import com.cloudpbx.http.network.AddressList;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Size;

/**
 * The mod_xml_curl routes ({@code voip.xmlcurl.*}).
 *
 * @param secret           the shared secret FreeSWITCH presents; unset, the routes answer 404.
 *                         Requests are only as strong as it is: at least 16 characters
 * @param allowedAddresses the media servers' addresses, comma-separated; unset, loopback only
 * @param sofiaGateways    whether the configuration route answers {@code sofia.conf} (the trunk
 *                         gateways only, no profile settings); off, FreeSWITCH keeps its own file
 */
@Context
@ConfigurationProperties("voip.xmlcurl")
public record XmlCurlSettings(
        @Nullable
        @Size(min = 16, message = "VOIP_XMLCURL_SECRET is too short: use at least 16 characters,"
                + " e.g. `openssl rand -hex 32`.")
        String secret,
        @Nullable
        @AddressList(message = "VOIP_XMLCURL_ALLOWED must be comma-separated IP addresses or CIDR blocks, got ")
        String allowedAddresses,
        @Bindable(defaultValue = "false")
        boolean sofiaGateways) {

    @Override
    public String toString() {
        return "XmlCurlSettings[secret=" + (secret == null ? "unset" : "(hidden)") + ", allowedAddresses="
                + allowedAddresses + ", sofiaGateways=" + sofiaGateways + "]";
    }
}
