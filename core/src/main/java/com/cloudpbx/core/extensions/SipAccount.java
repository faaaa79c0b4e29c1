package com.cloudpbx.core.extensions;

import java.util.Objects;

/** What a SIP registrar needs to authenticate a phone: username, domain and password. */
public record SipAccount(String username, String domain, String password) {

    public SipAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "SipAccount[" + username + "@" + domain + "]";
    }
}
