package com.cloudpbx.core.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.port.OutboundTrunks;
import com.cloudpbx.core.shared.TenantId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OutboundTrunks} must answer: a tenant's own active trunk before a global one,
 * the first by name among several, never an inactive trunk or another tenant's.
 */
public abstract class OutboundTrunksContract {

    private OutboundTrunks trunks;

    /** A store with no trunks, for tenants {@link #newTenant()} creates. */
    protected abstract OutboundTrunks newTrunks();

    /** A tenant that exists, as trunks may belong only to one. */
    protected abstract TenantId newTenant();

    /** Stores a trunk (tenant null: global) and returns its id. */
    protected abstract UUID trunk(TenantId tenant, String name, boolean active);

    @BeforeEach
    void start() {
        trunks = newTrunks();
    }

    @Test
    void aTenantWithoutTrunksHasNone() {
        assertThat(trunks.gatewayFor(newTenant())).isEmpty();
    }

    @Test
    void aGlobalTrunkServesEveryTenant() {
        UUID global = trunk(null, "Global carrier", true);

        assertThat(trunks.gatewayFor(newTenant())).contains("trunk-" + global);
    }

    @Test
    void theTenantsOwnTrunkComesBeforeAGlobalOne() {
        TenantId tenant = newTenant();
        trunk(null, "A global carrier", true);
        UUID own = trunk(tenant, "Z own carrier", true);

        assertThat(trunks.gatewayFor(tenant)).contains("trunk-" + own);
    }

    @Test
    void anInactiveTrunkIsNeverChosen() {
        TenantId tenant = newTenant();
        trunk(tenant, "Own but inactive", false);

        assertThat(trunks.gatewayFor(tenant)).isEmpty();
    }

    @Test
    void anotherTenantsTrunkIsNeverChosen() {
        trunk(newTenant(), "Someone else's", true);

        assertThat(trunks.gatewayFor(newTenant())).isEmpty();
    }

    @Test
    void amongSeveralTheFirstByNameIsChosen() {
        TenantId tenant = newTenant();
        trunk(tenant, "Beta", true);
        UUID alpha = trunk(tenant, "Alpha", true);

        assertThat(trunks.gatewayFor(tenant)).contains("trunk-" + alpha);
    }
}
