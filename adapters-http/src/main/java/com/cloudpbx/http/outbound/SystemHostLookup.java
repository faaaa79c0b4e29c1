package com.cloudpbx.http.outbound;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The operating system's resolver (the JVM's address cache included). */
@Singleton
@Secondary
public final class SystemHostLookup implements HostLookup {

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
