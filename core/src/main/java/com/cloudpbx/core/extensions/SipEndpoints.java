package com.cloudpbx.core.extensions;

import java.util.Objects;

/**
 * Where phones connect, as templates in which {@code {domain}} stands for the tenant's SIP domain
 * (for example {@code wss://{domain}:7443} or {@code sip:{domain};transport=udp}).
 */
public record SipEndpoints(String serverTemplate, String wsUriTemplate, String registrarTemplate) {

    public SipEndpoints {
        Objects.requireNonNull(serverTemplate, "serverTemplate");
        Objects.requireNonNull(wsUriTemplate, "wsUriTemplate");
        Objects.requireNonNull(registrarTemplate, "registrarTemplate");
    }

    public String server(String domain) {
        return serverTemplate.replace("{domain}", domain);
    }

    public String wsUri(String domain) {
        return wsUriTemplate.replace("{domain}", domain);
    }

    public String registrar(String domain) {
        return registrarTemplate.replace("{domain}", domain);
    }
}
