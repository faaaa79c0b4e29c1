package com.cloudpbx.app.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * What phones are told ({@code voip.sip.*}); {@code {domain}} stands for the tenant's SIP domain.
 *
 * @param domainSuffix each tenant's SIP domain is {@code <subdomain>.<suffix>}
 * @param server       the SIP server
 * @param wsUri        the SIP-over-WebSocket URI
 * @param registrar    the registrar
 */
@Context
@ConfigurationProperties("voip.sip")
public record SipSettings(
        @Bindable(defaultValue = "pbx.local") @NotBlank(message = "VOIP_SIP_DOMAIN_SUFFIX must not be blank")
        String domainSuffix,
        @Bindable(defaultValue = "{domain}") @NotBlank(message = "VOIP_SIP_SERVER must not be blank") String server,
        @Bindable(defaultValue = "wss://{domain}:7443") @NotBlank(message = "VOIP_SIP_WS_URI must not be blank")
        String wsUri,
        @Bindable(defaultValue = "sip:{domain}") @NotBlank(message = "VOIP_SIP_REGISTRAR must not be blank")
        String registrar) {
}
