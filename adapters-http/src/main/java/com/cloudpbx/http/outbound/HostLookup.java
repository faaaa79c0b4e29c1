package com.cloudpbx.http.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks up the addresses of a webhook target's host name: once per connection, never cached here. */
@FunctionalInterface
public interface HostLookup {

    /** Every address the name resolves to, at least one. */
    List<InetAddress> lookup(String host) throws UnknownHostException;
}
