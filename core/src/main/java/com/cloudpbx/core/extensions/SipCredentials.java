package com.cloudpbx.core.extensions;

/** Everything a softphone needs to register, password included: returned only on request. */
public record SipCredentials(String extension, String displayName, String password, String sipDomain, String wsUri,
                             String registrar) {

    @Override
    public String toString() {
        return "SipCredentials[" + extension + "@" + sipDomain + "]";
    }
}
