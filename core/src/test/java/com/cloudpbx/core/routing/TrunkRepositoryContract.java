package com.cloudpbx.core.routing;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.routing.port.TrunkRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TrunkRepository} does; each implementation's test extends this. */
public abstract class TrunkRepositoryContract {

    private TrunkRepository trunks;

    /** A repository over a store with no trunks in it; called before every test. */
    protected abstract TrunkRepository newRepository();

    /** A tenant that exists in the repository's store. */
    protected abstract TenantId newTenant(String companyName);

    @BeforeEach
    void startEmpty() {
        trunks = newRepository();
    }

    @Test
    void anInsertedTrunkIsFoundByIdWithEveryField() {
        SipTrunk trunk = new SipTrunk(UUID.randomUUID(), newTenant("Acme"), "acme-telnyx", "Telnyx",
                "sip.telnyx.example:5061", "acme", "v1:cipher", "tls", List.of("OPUS", "PCMU", "G722"), true, 120,
                false, T0, T0.plus(1, ChronoUnit.MINUTES));

        trunks.insert(trunk);

        assertThat(trunks.findById(trunk.id())).contains(trunk);
        assertThat(trunks.findByName("acme-telnyx")).contains(trunk);
    }

    @Test
    void aGlobalTrunkWithoutCredentialsComesBackEmpty() {
        SipTrunk trunk = trunk("global-carrier", null, true);

        trunks.insert(trunk);

        SipTrunk found = trunks.findById(trunk.id()).orElseThrow();
        assertThat(found).isEqualTo(trunk);
        assertThat(found.tenant()).isNull();
        assertThat(found.username()).isNull();
        assertThat(found.passwordEncrypted()).isNull();
    }

    @Test
    void aNameIsUniquePlatformWide() {
        trunks.insert(trunk("carrier", newTenant("Acme"), true));

        assertThatThrownBy(() -> trunks.insert(trunk("carrier", newTenant("Globex"), true)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DUPLICATE"));
    }

    @Test
    void anUpdateWritesEveryFieldButIdentityAndCreation() {
        SipTrunk trunk = trunk("carrier", null, true);
        trunks.insert(trunk);
        SipTrunk changed = new SipTrunk(trunk.id(), newTenant("Acme"), "renamed", "Other", "10.0.0.1:5080", "user",
                "v1:other", "tcp", List.of("PCMA"), false, 5, false, trunk.createdAt(), T0.plusSeconds(60));

        assertThat(trunks.update(changed)).isTrue();

        assertThat(trunks.findById(trunk.id())).contains(changed);
    }

    @Test
    void anUpdateOfAMissingTrunkReportsFalse() {
        assertThat(trunks.update(trunk("never", null, true))).isFalse();
    }

    @Test
    void deleteRemovesTheTrunk() {
        SipTrunk trunk = trunk("carrier", null, true);
        trunks.insert(trunk);

        trunks.delete(trunk.id());

        assertThat(trunks.findById(trunk.id())).isEmpty();
    }

    @Test
    void listHoldsEveryTrunkByNameAndListActiveOnlyTheActiveOnes() {
        SipTrunk b = trunk("b-carrier", newTenant("Acme"), false);
        SipTrunk a = trunk("a-carrier", null, true);
        SipTrunk c = trunk("c-carrier", null, true);
        trunks.insert(b);
        trunks.insert(c);
        trunks.insert(a);

        assertThat(trunks.list()).containsExactly(a, b, c);
        assertThat(trunks.listActive()).containsExactly(a, c);
    }

    private static SipTrunk trunk(String name, TenantId tenant, boolean active) {
        return new SipTrunk(UUID.randomUUID(), tenant, name, null, "sip.carrier.example", null, null, "udp",
                List.of("PCMU", "PCMA"), false, 30, active, T0, T0);
    }
}
