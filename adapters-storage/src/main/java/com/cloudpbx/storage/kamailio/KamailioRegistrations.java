package com.cloudpbx.storage.kamailio;

import static com.cloudpbx.storage.kamailio.schema.Tables.LOCATION;

import com.cloudpbx.core.presence.port.Registrations;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Registrations as Kamailio's usrloc module writes them to {@code kamailio.location}: a user is
 * registered while one of its contacts of the domain has not expired. Kamailio writes
 * {@code expires} in the database's local time, which is what it is compared with. The phones of
 * a deployment with media servers register with Kamailio; the simulated switch has its own.
 */
@Singleton
@Connectable
@Requires(property = "voip.freeswitch.hosts")
public class KamailioRegistrations implements Registrations {

    private final DSLContext dsl;

    public KamailioRegistrations(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One indexed read of the domain's live contacts, whatever the number of users asked about. */
    @Override
    public Set<String> registered(String sipDomain, Collection<String> users) {
        Set<String> live = new HashSet<>(dsl.selectDistinct(LOCATION.USERNAME)
                .from(LOCATION)
                .where(LOCATION.DOMAIN.eq(sipDomain))
                .and(LOCATION.EXPIRES.gt(DSL.currentLocalDateTime()))
                .fetch(LOCATION.USERNAME));
        // Against a set: retainAll asks the argument's contains for every element, which a list of
        // thousands of users would answer by scanning itself each time.
        live.retainAll(users instanceof Set<?> set ? set : new HashSet<>(users));
        return live;
    }
}
