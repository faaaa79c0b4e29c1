package com.cloudpbx.core.identity.port;

/**
 * Port: limits login attempts per account and per client address; throws a rate-limited
 * {@link com.cloudpbx.core.shared.DomainException} when either is exhausted.
 */
public interface LoginThrottle {

    void acquire(String account, String clientAddress);
}
