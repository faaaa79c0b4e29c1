package com.cloudpbx.storage.kamailio;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.presence.port.Registrations;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Registrations read from the rows Kamailio's usrloc module writes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KamailioRegistrationsTest {

    private final PostgresStorage storage = PostgresStorage.start(Map.of("voip.freeswitch.hosts", "fs1.internal"));
    private final Registrations registrations = storage.bean(Registrations.class);

    @AfterAll
    void stop() {
        storage.close();
    }

    @Test
    void aUserWithAContactThatHasNotExpiredIsRegistered() {
        String domain = domain();
        contact("1001", domain, "now() + interval '1 hour'");

        assertThat(registrations.registered(domain, List.of("1001", "1002"))).containsExactly("1001");
    }

    @Test
    void anExpiredContactIsNoRegistration() {
        String domain = domain();
        contact("1001", domain, "now() - interval '1 minute'");

        assertThat(registrations.registered(domain, List.of("1001"))).isEmpty();
    }

    @Test
    void aContactOfAnotherDomainDoesNotCount() {
        contact("1001", domain(), "now() + interval '1 hour'");

        assertThat(registrations.registered(domain(), List.of("1001"))).isEmpty();
    }

    @Test
    void onlyTheUsersAskedAboutAreAnswered() {
        String domain = domain();
        contact("1001", domain, "now() + interval '1 hour'");
        contact("1003", domain, "now() + interval '1 hour'");

        assertThat(registrations.registered(domain, List.of("1003"))).containsExactly("1003");
    }

    /** A row as usrloc writes it (db_mode 3): expires in the database's local time. */
    private void contact(String user, String domain, String expires) {
        storage.execute("INSERT INTO kamailio.location (ruid, username, domain, contact, expires) VALUES ('"
                + UUID.randomUUID() + "', '" + user + "', '" + domain + "', 'sip:" + user + "@192.0.2.10:5060', ("
                + expires + ")::timestamp)");
    }

    private static String domain() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + ".sip.example.com";
    }
}
