package com.cloudpbx.core.presence.port;

import java.util.Collection;
import java.util.Set;

/** Port: which of a SIP domain's users have a phone registered now. */
public interface Registrations {

    /** The users among {@code users} with a registration of {@code sipDomain} that has not expired. */
    Set<String> registered(String sipDomain, Collection<String> users);
}
