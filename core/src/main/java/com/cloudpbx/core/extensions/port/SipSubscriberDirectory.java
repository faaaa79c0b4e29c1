package com.cloudpbx.core.extensions.port;

import com.cloudpbx.core.extensions.SipAccount;

/**
 * Port: the registrar's subscriber table (Kamailio's {@code subscriber}). Writes join the caller's
 * transaction, so an extension and its subscriber row change together.
 */
public interface SipSubscriberDirectory {

    /** Creates or replaces the account for (username, domain). */
    void register(SipAccount account);

    void unregister(String username, String domain);

    void unregisterDomain(String domain);
}
