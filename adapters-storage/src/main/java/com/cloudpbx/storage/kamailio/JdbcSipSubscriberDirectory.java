package com.cloudpbx.storage.kamailio;

import com.cloudpbx.core.extensions.SipAccount;
import com.cloudpbx.core.extensions.port.SipSubscriberDirectory;
import com.cloudpbx.core.shared.DomainException;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

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

    static final Table<Record> SUBSCRIBER = DSL.table(DSL.name("kamailio", "subscriber"));
    static final Field<String> USERNAME = DSL.field(DSL.name("username"), SQLDataType.VARCHAR(MAX_LENGTH));
    static final Field<String> DOMAIN = DSL.field(DSL.name("domain"), SQLDataType.VARCHAR(MAX_LENGTH));
    static final Field<String> PASSWORD = DSL.field(DSL.name("password"), SQLDataType.VARCHAR(MAX_LENGTH));
    static final Field<String> HA1 = DSL.field(DSL.name("ha1"), SQLDataType.VARCHAR(128));
    static final Field<String> HA1B = DSL.field(DSL.name("ha1b"), SQLDataType.VARCHAR(128));

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
                .set(USERNAME, account.username())
                .set(DOMAIN, account.domain())
                .set(PASSWORD, "")
                .set(HA1, digests.ha1())
                .set(HA1B, digests.ha1b())
                .onConflict(USERNAME, DOMAIN)
                .doUpdate()
                .set(PASSWORD, "")
                .set(HA1, DSL.excluded(HA1))
                .set(HA1B, DSL.excluded(HA1B))
                .execute();
    }

    @Override
    public void unregister(String username, String domain) {
        dsl.deleteFrom(SUBSCRIBER).where(USERNAME.eq(username)).and(DOMAIN.eq(domain)).execute();
    }

    @Override
    public void unregisterDomain(String domain) {
        dsl.deleteFrom(SUBSCRIBER).where(DOMAIN.eq(domain)).execute();
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
