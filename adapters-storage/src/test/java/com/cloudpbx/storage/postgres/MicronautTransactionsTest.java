package com.cloudpbx.storage.postgres;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.audit.AuditEntry;
import com.cloudpbx.core.audit.AuditQuery;
import com.cloudpbx.core.audit.port.AuditLog;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.SipAccount;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.extensions.port.SipSubscriberDirectory;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The jOOQ repositories, the Micronaut Data audit repository and the Kamailio directory all write
 * through the transaction {@link MicronautTransactions} opens, so a failure undoes all of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicronautTransactionsTest {

    private final PostgresStorage storage = PostgresStorage.start();
    private final Transactions transactions = storage.bean(Transactions.class);
    private final ExtensionRepository extensions = storage.bean(ExtensionRepository.class);
    private final SipSubscriberDirectory subscribers = storage.bean(SipSubscriberDirectory.class);
    private final AuditLog audit = storage.bean(AuditLog.class);
    private Tenant acme;

    @AfterAll
    void stop() {
        storage.close();
    }

    @BeforeEach
    void aTenant() {
        storage.emptied();
        acme = tenant("Acme");
        storage.bean(TenantRepository.class).insert(acme);
    }

    @Test
    void theTransactionsBeanIsMicronautTransactions() {
        assertThat(transactions).isInstanceOf(MicronautTransactions.class);
    }

    @Test
    void aFailureRollsBackTheWritesOfEveryRepository() {
        Extension desk = extension(acme.id(), "1001");
        var boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> transactions.run(() -> {
            extensions.insert(desk);
            subscribers.register(new SipAccount("1001", acme.sipDomain(), "s3cret-pw"));
            audit.append(entry());
            throw boom;
        })).isSameAs(boom);

        assertThat(extensions.findByIdInAnyTenant(desk.id())).isEmpty();
        assertThat(subscriberRows()).isZero();
        assertThat(auditRows()).isZero();
    }

    @Test
    void withoutAFailureEveryWriteCommits() {
        Extension desk = extension(acme.id(), "1001");

        String result = transactions.inTransaction(() -> {
            extensions.insert(desk);
            subscribers.register(new SipAccount("1001", acme.sipDomain(), "s3cret-pw"));
            audit.append(entry());
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(extensions.findByIdInAnyTenant(desk.id())).contains(desk);
        assertThat(subscriberRows()).isOne();
        assertThat(auditRows()).isOne();
    }

    @Test
    void insideTheTransactionItsOwnWritesAreVisibleAndOutsideTheyAreNot() {
        Extension desk = extension(acme.id(), "1001");

        transactions.run(() -> {
            extensions.insert(desk);
            assertThat(extensions.findByIdInAnyTenant(desk.id())).contains(desk);
            // Another thread has no transaction bound, so it reads on a connection of its own.
            Optional<Extension> seenElsewhere = CompletableFuture.supplyAsync(() -> extensions.findByIdInAnyTenant(desk.id()))
                    .join();
            assertThat(seenElsewhere).isEmpty();
        });

        assertThat(extensions.findByIdInAnyTenant(desk.id())).contains(desk);
    }

    @Test
    void aNestedUnitOfWorkJoinsTheOuterOne() {
        Extension desk = extension(acme.id(), "1001");
        var boom = new IllegalStateException("outer fails after inner finished");

        assertThatThrownBy(() -> transactions.run(() -> {
            transactions.run(() -> extensions.insert(desk));
            throw boom;
        })).isSameAs(boom);

        assertThat(extensions.findByIdInAnyTenant(desk.id())).isEmpty();
    }

    @Test
    void aDomainFailureReachesTheCallerUnchanged() {
        var refusal = DomainException.badRequest("DUPLICATE_EXTENSION", "Extension 1001 already exists");

        assertThatThrownBy(() -> transactions.run(() -> {
            extensions.insert(extension(acme.id(), "1002"));
            throw refusal;
        })).isSameAs(refusal);

        assertThat(extensions.list(Optional.of(acme.id()))).isEmpty();
    }

    @Test
    void aRaceLostOnTheUniqueNumberIsADuplicateAndUndoesTheRest() {
        extensions.insert(extension(acme.id(), "1001"));
        Extension other = extension(acme.id(), "1002");

        assertThatThrownBy(() -> transactions.run(() -> {
            extensions.insert(other);
            subscribers.register(new SipAccount("1001", acme.sipDomain(), "s3cret-pw"));
            extensions.insert(extension(acme.id(), "1001"));
        })).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DUPLICATE"));

        assertThat(extensions.findByIdInAnyTenant(other.id())).isEmpty();
        assertThat(subscriberRows()).isZero();
    }

    private long subscriberRows() {
        return storage.count("SELECT count(*) FROM kamailio.subscriber WHERE domain = ?", acme.sipDomain());
    }

    private long auditRows() {
        var everything = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        return audit.find(everything, new PageRequest(1, 10)).total();
    }

    private AuditEntry entry() {
        return new AuditEntry(UUID.randomUUID(), T0, UUID.randomUUID(), PrincipalKind.ADMIN, acme.id(), "create",
                "extension", "1001", "127.0.0.1");
    }
}
