package com.cloudpbx.app;

/** The server cannot start as configured; the message says which variable to set and how. */
public final class StartupRefusal extends RuntimeException {

    public StartupRefusal(String message) {
        super(message);
    }
}
