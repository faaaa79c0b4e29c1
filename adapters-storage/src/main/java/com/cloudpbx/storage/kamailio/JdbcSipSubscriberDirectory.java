package com.cloudpbx.storage.kamailio;

import static com.cloudpbx.storage.kamailio.schema.Tables.SUBSCRIBER;

import com.cloudpbx.core.extensions.SipAccount;
import com.cloudpbx.core.extensions.port.SipSubscriberDirectory;
import com.cloudpbx.core.shared.DomainException;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Kamailio's {@code subscriber} table, written in the caller's transaction so a phone account
 * changes together with its extension. Only the digests ha1/ha1b are stored; the password column
 * stays empty, so the table never holds a SIP password in clear.
 */
@Singleton
@Connectable
public class JdbcSipSubscriberDirectory implements SipSubscriberDirectory {

    /** Kamailio's column width for username and domain (subscriber table version 7). */
    static final int MAX_LENGTH = 64;

    private final DSLContext dsl;

    public JdbcSipSubscriberDirectory(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void register(SipAccount account) {
        requireFits(account.username(), "username");
        requireFits(account.domain(), "SIP domain");
        Ha1 digests = Ha1.of(account.username(), account.domain(), account.password());
        dsl.insertInto(SUBSCRIBER)
                .set(SUBSCRIBER.USERNAME, account.username())
                .set(SUBSCRIBER.DOMAIN, account.domain())
                .set(SUBSCRIBER.PASSWORD, "")
                .set(SUBSCRIBER.HA1, digests.ha1())
                .set(SUBSCRIBER.HA1B, digests.ha1b())
                .onConflict(SUBSCRIBER.USERNAME, SUBSCRIBER.DOMAIN)
                .doUpdate()
                .set(SUBSCRIBER.PASSWORD, "")
                .set(SUBSCRIBER.HA1, DSL.excluded(SUBSCRIBER.HA1))
                .set(SUBSCRIBER.HA1B, DSL.excluded(SUBSCRIBER.HA1B))
                .execute();
    }

    @Override
    public void unregister(String username, String domain) {
        dsl.deleteFrom(SUBSCRIBER).where(SUBSCRIBER.USERNAME.eq(username)).and(SUBSCRIBER.DOMAIN.eq(domain)).execute();
    }

    @Override
    public void unregisterDomain(String domain) {
        dsl.deleteFrom(SUBSCRIBER).where(SUBSCRIBER.DOMAIN.eq(domain)).execute();
    }

    /** A value wider than Kamailio's column is a configuration problem to report, not a 500. */
    private static void requireFits(String value, String what) {
        if (value.length() > MAX_LENGTH) {
            throw DomainException.badRequest("SIP_ACCOUNT_TOO_LONG",
                    "The " + what + " '" + value + "' is longer than the " + MAX_LENGTH
                            + " characters the SIP registrar accepts");
        }
    }
}
