package com.cloudpbx.storage.races;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.audit.port.AuditLog;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionChanges;
import com.cloudpbx.core.extensions.NewExtension;
import com.cloudpbx.core.extensions.SipEndpoints;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.extensions.port.SipSubscriberDirectory;
import com.cloudpbx.core.identity.ResolveActor;
import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.provisioning.ExtensionProvisioning;
import com.cloudpbx.core.provisioning.TenantProvisioning;
import com.cloudpbx.core.routing.RoutingReferences;
import com.cloudpbx.core.routing.port.CallQueueRepository;
import com.cloudpbx.core.routing.port.DidRepository;
import com.cloudpbx.core.routing.port.IvrMenuRepository;
import com.cloudpbx.core.routing.port.RingGroupRepository;
import com.cloudpbx.core.routing.port.ScheduleRepository;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.port.CredentialVersions;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.SipDomains;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantChanges;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.testing.StoreSamples;
import com.cloudpbx.storage.memory.CaffeineCaches;
import com.cloudpbx.storage.postgres.PostgresStorage;
import com.cloudpbx.storage.secrets.AesGcmSecretCipher;
import com.cloudpbx.storage.secrets.BcryptPasswordHasher;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Extension writes racing each other, and a move of their tenant's SIP domain, on real PostgreSQL,
 * many times over: no write is lost, and the registrar's subscriber rows end as the extensions do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtensionUpdateRaceTest {

    private static final int ROUNDS = 40;

    private final PostgresStorage storage = PostgresStorage.start();
    private final Clock clock = Clock.systemUTC();
    private final ExtensionRepository extensions = storage.bean(ExtensionRepository.class);
    private final ExtensionProvisioning provisioning = new ExtensionProvisioning(extensions,
            storage.bean(TenantRepository.class), storage.bean(SipSubscriberDirectory.class),
            new AesGcmSecretCipher(new byte[32]), new SipEndpoints("{domain}", "wss://{domain}:7443", "sip:{domain}"),
            storage.bean(Transactions.class), new AuditRecorder(storage.bean(AuditLog.class), clock),
            storage.bean(CredentialVersions.class), new ResolveActor(storage.bean(TenantRepository.class),
                    storage.bean(AccountRepository.class), extensions, storage.bean(CredentialVersions.class),
                    new CaffeineCaches(clock), Duration.ofSeconds(10)),
            clock, new RoutingReferences(storage.bean(DidRepository.class), storage.bean(ScheduleRepository.class),
                    storage.bean(RingGroupRepository.class), storage.bean(IvrMenuRepository.class),
                    storage.bean(CallQueueRepository.class)), new ConfigurationChanges());
    private final TenantProvisioning tenantProvisioning = new TenantProvisioning(storage.bean(TenantRepository.class),
            storage.bean(AccountRepository.class), extensions, storage.bean(SipSubscriberDirectory.class),
            new AesGcmSecretCipher(new byte[32]), new BcryptPasswordHasher(4), new SipDomains("sip.example.com"),
            storage.bean(Transactions.class), new AuditRecorder(storage.bean(AuditLog.class), clock),
            storage.bean(CredentialVersions.class), new ResolveActor(storage.bean(TenantRepository.class),
                    storage.bean(AccountRepository.class), extensions, storage.bean(CredentialVersions.class),
                    new CaffeineCaches(clock), Duration.ofSeconds(10)),
            clock, new ConfigurationChanges());
    private Tenant tenant;
    private Actor admin;

    @BeforeAll
    void aTenantAndItsAdmin() {
        RaceTenant race = RaceTenant.in(storage);
        tenant = race.tenant();
        admin = race.admin();
    }

    @AfterAll
    void stop() {
        storage.close();
    }

    @Test
    void twoUpdatesOfDifferentFieldsBothSurvive() {
        for (int round = 0; round < ROUNDS; round++) {
            UUID id = create(String.valueOf(2000 + round));

            Races.together(
                    () -> provisioning.update(admin, id, changes().displayName("Renamed " + id)),
                    () -> provisioning.update(admin, id, changes().doNotDisturb(true)));

            Extension stored = extensions.findById(tenant.id(), id).orElseThrow();
            assertThat(stored.displayName()).as("round %d", round).isEqualTo("Renamed " + id);
            assertThat(stored.doNotDisturb()).as("round %d", round).isTrue();
        }
    }

    @Test
    void anUpdateRacingADeleteLeavesNoSubscriberRow() {
        for (int round = 0; round < ROUNDS; round++) {
            String number = String.valueOf(3000 + round);
            UUID id = create(number);

            Races.together(
                    () -> updateUnlessGone(id, changes().password("new-password-" + number)),
                    () -> provisioning.delete(admin, id));

            assertThat(extensions.findById(tenant.id(), id)).as("round %d", round).isEmpty();
            assertThat(storage.count("SELECT count(*) FROM kamailio.subscriber WHERE username = ? AND domain = ?",
                    number, tenant.sipDomain())).as("subscriber rows after round %d", round).isZero();
        }
    }

    @Test
    void anUpdateOfADeletedExtensionIsNotFoundAndWritesNothing() {
        String number = "3999";
        UUID id = create(number);
        provisioning.delete(admin, id);

        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> provisioning.update(admin, id, changes().password("new-password-1")));

        assertThat(refused.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(storage.count("SELECT count(*) FROM kamailio.subscriber WHERE username = ? AND domain = ?",
                number, tenant.sipDomain())).isZero();
    }

    @Test
    void aDeleteRacingAMoveOfTheTenantsDomainLeavesNoSubscriberRowInEitherDomain() {
        Actor superadmin = new Actor(new Principal(UUID.randomUUID(), PrincipalKind.SUPERADMIN, Role.SUPERADMIN, null,
                null, Set.of()), null, "127.0.0.1");
        Tenant moving = newTenant("Moving");
        Actor movingAdmin = adminOf(moving);
        for (int round = 0; round < ROUNDS; round++) {
            String number = String.valueOf(4000 + round);
            UUID id = create(movingAdmin, number);
            String subdomain = "moved-" + round + "-" + UUID.randomUUID().toString().substring(0, 8);

            Races.together(
                    () -> provisioning.delete(movingAdmin, id),
                    () -> tenantProvisioning.update(superadmin, moving.id().value(),
                            new TenantChanges(Change.absent(), Change.to(subdomain), Change.absent())));

            assertThat(storage.count("SELECT count(*) FROM kamailio.subscriber WHERE username = ?", number))
                    .as("subscriber rows of the deleted %s after round %d", number, round).isZero();
        }
    }

    @Test
    void aCreateRacingAMoveOfTheTenantsDomainIsRegisteredInTheNewDomainOnly() {
        Actor superadmin = new Actor(new Principal(UUID.randomUUID(), PrincipalKind.SUPERADMIN, Role.SUPERADMIN, null,
                null, Set.of()), null, "127.0.0.1");
        Tenant moving = newTenant("Moving");
        Actor movingAdmin = adminOf(moving);
        for (int round = 0; round < ROUNDS; round++) {
            String number = String.valueOf(5000 + round);
            String subdomain = "moved-" + round + "-" + UUID.randomUUID().toString().substring(0, 8);

            Races.together(
                    () -> create(movingAdmin, number),
                    () -> tenantProvisioning.update(superadmin, moving.id().value(),
                            new TenantChanges(Change.absent(), Change.to(subdomain), Change.absent())));

            String domain = storage.bean(TenantRepository.class).findById(moving.id()).orElseThrow().sipDomain();
            assertThat(storage.rows("SELECT domain FROM kamailio.subscriber WHERE username = ?", number))
                    .as("subscriber rows of %s after round %d", number, round)
                    .containsExactly(Map.of("domain", domain));
        }
    }

    /** The update may come first and succeed, or after the delete and be told the extension is gone. */
    private void updateUnlessGone(UUID id, ExtensionChanges changes) {
        try {
            provisioning.update(admin, id, changes);
        } catch (DomainException refused) {
            assertThat(refused.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        }
    }

    private UUID create(String number) {
        return create(admin, number);
    }

    private UUID create(Actor creator, String number) {
        return provisioning.create(creator, new NewExtension(number, "first-password-1", "Ext " + number, null, null,
                null, null, null, null)).extension().id();
    }

    private Tenant newTenant(String companyName) {
        Tenant created = StoreSamples.tenant(companyName);
        storage.bean(TenantRepository.class).insert(created);
        return created;
    }

    private static Actor adminOf(Tenant tenant) {
        return new Actor(new Principal(UUID.randomUUID(), PrincipalKind.ADMIN, Role.ADMIN, tenant.id(), null,
                Set.of()), tenant.id(), "127.0.0.1");
    }

    private static Changes changes() {
        return new Changes();
    }

    /** Builds a partial update field by field. */
    private static final class Changes {

        ExtensionChanges displayName(String name) {
            return with(Change.to(name), Change.absent(), Change.absent());
        }

        ExtensionChanges password(String password) {
            return with(Change.absent(), Change.to(password), Change.absent());
        }

        ExtensionChanges doNotDisturb(boolean on) {
            return with(Change.absent(), Change.absent(), Change.to(on));
        }

        private static ExtensionChanges with(Change<String> name, Change<String> password, Change<Boolean> dnd) {
            return new ExtensionChanges(name, password, Change.absent(), Change.absent(), dnd, Change.absent(),
                    Change.absent(), Change.absent(), Change.absent());
        }
    }
}
