package com.cloudpbx.app;

import io.micronaut.runtime.Micronaut;

/** Starts the API server. */
public final class VoipServer {

    private VoipServer() {
    }

    public static void main(String[] args) {
        Micronaut.run(VoipServer.class, args);
    }
}
