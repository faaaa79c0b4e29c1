package com.cloudpbx.core.operations.port;

import java.util.Optional;

/** Port: a backend the server needs (database, cache, media server) and whether it answers now. */
public interface BackendHealth {

    /** The backend's name as operators know it, e.g. "database". */
    String name();

    /** Empty when healthy, otherwise why not, in a sentence without secrets. */
    Optional<String> failure();
}
