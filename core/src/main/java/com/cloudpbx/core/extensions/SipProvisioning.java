package com.cloudpbx.core.extensions;

/** What a phone is configured with: SIP username, domain and the server to register with. */
public record SipProvisioning(String username, String domain, String server) {
}
