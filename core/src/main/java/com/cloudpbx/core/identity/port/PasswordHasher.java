package com.cloudpbx.core.identity.port;

/** Port: a deliberately slow one-way hash for passwords people choose. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
