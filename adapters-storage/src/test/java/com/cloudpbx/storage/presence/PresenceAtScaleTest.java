package com.cloudpbx.storage.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.presence.ExtensionPresence;
import com.cloudpbx.core.presence.PresenceStatus;
import com.cloudpbx.core.presence.ReadPresence;
import com.cloudpbx.core.presence.port.PresenceSubjects;
import com.cloudpbx.core.presence.port.Registrations;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.memory.InMemoryLiveChannels;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The presence of a tenant of 10,000 extensions, read from PostgreSQL and Kamailio's location
 * table as in production: one read of each source whatever the number of extensions, and an
 * answer well within the time a request allows (the figures are printed; the bound is only a guard).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresenceAtScaleTest {

    private static final int EXTENSIONS = 10_000;
    private static final int FIRST = 10_000;

    private final PostgresStorage storage = PostgresStorage.start(Map.of("voip.freeswitch.hosts", "fs1.internal"));
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final TenantId tenant = TenantId.of(UUID.randomUUID());
    private final String domain = "t" + tenant.value().toString().substring(0, 8) + ".sip.example.com";
    private ReadPresence presence;
    private Extension firstExtension;

    @BeforeAll
    void seed() {
        storage.execute("INSERT INTO tenants (id, company_name, subdomain, sip_domain) VALUES ('" + tenant.value()
                + "', 'Scale', 'scale-" + tenant.value().toString().substring(0, 8) + "', '" + domain + "')");
        storage.execute("INSERT INTO extensions (id, tenant_id, number, display_name, sip_password_enc) "
                + "SELECT gen_random_uuid(), '" + tenant.value() + "', (" + FIRST + " + i)::text, 'Ext ' || i, "
                + "'v1:cipher' FROM generate_series(0, " + (EXTENSIONS - 1) + ") AS i");
        // Every other extension has a registered phone.
        storage.execute("INSERT INTO kamailio.location (ruid, username, domain, contact, expires) "
                + "SELECT gen_random_uuid()::text, (" + FIRST + " + i)::text, '" + domain + "', "
                + "'sip:' || i || '@192.0.2.10:5060', (now() + interval '1 hour')::timestamp "
                + "FROM generate_series(0, " + (EXTENSIONS - 1) + ", 2) AS i");
        LiveChannels live = new InMemoryLiveChannels();
        for (int i = 0; i < 100; i++) {
            live.put(new LiveChannel(UUID.randomUUID(), UUID.randomUUID(), tenant, String.valueOf(FIRST + i * 7),
                    "+15557654321", "Caller", String.valueOf(FIRST + i * 7), CallDirection.INBOUND, i % 2 == 0,
                    false, Instant.now(), i % 2 == 0 ? Instant.now() : null, null, null, null));
        }
        ExtensionRepository extensions = storage.bean(ExtensionRepository.class);
        firstExtension = extensions.findByNumber(tenant, new ExtensionNumber(String.valueOf(FIRST))).orElseThrow();
        presence = new ReadPresence(counted(PresenceSubjects.class, storage.bean(PresenceSubjects.class)),
                counted(ExtensionRepository.class, extensions),
                counted(TenantRepository.class, storage.bean(TenantRepository.class)),
                counted(LiveChannels.class, live), counted(Registrations.class, storage.bean(Registrations.class)));
    }

    @AfterAll
    void stop() {
        storage.close();
    }

    @Test
    void tenThousandExtensionsAreReadWithOneQueryOfEachSource() {
        calls.clear();

        Map<String, ExtensionPresence> read = presence.of(admin());

        assertThat(read).hasSize(EXTENSIONS);
        assertThat(calls).containsOnlyKeys("PresenceSubjects.ofTenant", "TenantRepository.findById",
                "LiveChannels.list", "Registrations.registered");
        assertThat(calls.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    @Test
    void registrationsAndCallsOfTenThousandExtensionsAreAllTakenIntoAccount() {
        Map<String, ExtensionPresence> read = presence.of(admin());

        assertThat(read.get(String.valueOf(FIRST)).status()).isEqualTo(PresenceStatus.ON_CALL);
        assertThat(read.get(String.valueOf(FIRST + 7)).status()).isEqualTo(PresenceStatus.RINGING);
        assertThat(read.get(String.valueOf(FIRST + 2)).status()).isEqualTo(PresenceStatus.AVAILABLE);
        assertThat(read.get(String.valueOf(FIRST + 1)).status()).isEqualTo(PresenceStatus.OFFLINE);
    }

    @Test
    void aUserReadsOnlyItsOwnExtensionsRow() {
        calls.clear();
        Actor user = Actor.resolve(new Principal(firstExtension.id(), PrincipalKind.EXTENSION, Role.USER, tenant,
                firstExtension.id(), Set.of()), Optional.empty(), "127.0.0.1");

        assertThat(presence.of(user)).containsOnlyKeys(String.valueOf(FIRST));
        assertThat(calls).containsKey("ExtensionRepository.findById").doesNotContainKey("PresenceSubjects.ofTenant");
    }

    @Test
    void tenThousandExtensionsAnswerWellWithinTwoSeconds() {
        for (int i = 0; i < 10; i++) {
            presence.of(admin());
        }
        long[] micros = new long[50];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            presence.of(admin());
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        long p50 = micros[micros.length / 2];
        long max = micros[micros.length - 1];
        System.out.printf("Presence of %d extensions (ReadPresence over PostgreSQL and kamailio.location): "
                + "p50 %.1f ms, max %.1f ms over %d reads%n", EXTENSIONS, p50 / 1000.0, max / 1000.0, micros.length);

        assertThat(max).isLessThan(2_000_000);
    }

    private Actor admin() {
        return Actor.resolve(new Principal(UUID.randomUUID(), PrincipalKind.ADMIN, Role.ADMIN, tenant, null, Set.of()),
                Optional.empty(), "127.0.0.1");
    }

    /** The port, counting the calls of each of its methods. */
    private <T> T counted(Class<T> port, T target) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class && !method.isDefault()) {
                calls.computeIfAbsent(port.getSimpleName() + "." + method.getName(), k -> new AtomicInteger())
                        .incrementAndGet();
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
