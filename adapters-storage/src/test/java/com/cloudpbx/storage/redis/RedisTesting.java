package com.cloudpbx.storage.redis;

import com.cloudpbx.storage.testing.RedisServer;

/** Connections for one test, as one API node would have them, under a prefix of the test's own. */
final class RedisTesting {

    private RedisTesting() {
    }

    static RedisConnections connect(String url, String prefix) {
        return new RedisConnections(new RedisSettings(url, prefix, 500));
    }

    static RedisConnections connectShared(String prefix) {
        return connect(RedisServer.shared().url(), prefix);
    }
}
