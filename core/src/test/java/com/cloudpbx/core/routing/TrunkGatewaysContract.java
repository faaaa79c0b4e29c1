package com.cloudpbx.core.routing;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.routing.port.TrunkGateways;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TrunkGateways} does with a media server that answers; each implementation's
 * test extends this. The media server loads gateways from its configuration, which offers every
 * active trunk (the API's configuration route renders exactly those).
 */
public abstract class TrunkGatewaysContract {

    private TrunkGateways gateways;

    /** Gateways of a media server that is up and has none loaded; called before every test. */
    protected abstract TrunkGateways newGateways();

    /** The media server's configuration now lists this (active) trunk's gateway. */
    protected void configurationOffers(SipTrunk trunk) {
    }

    @BeforeEach
    void startEmpty() {
        gateways = newGateways();
    }

    @Test
    void aGatewayNeverSyncedIsNotLoaded() {
        GatewayStatus status = gateways.status(trunk(true).gatewayName());

        assertThat(status.loaded()).isFalse();
        assertThat(status).isEqualTo(GatewayStatus.notLoaded());
    }

    @Test
    void anActiveTrunksGatewayIsUpAfterSync() {
        SipTrunk trunk = trunk(true);

        sync(trunk);

        GatewayStatus status = gateways.status(trunk.gatewayName());
        assertThat(status.loaded()).isTrue();
        assertThat(status.status()).isEqualTo("UP");
    }

    @Test
    void anInactiveTrunksGatewayIsNotLoadedAfterSync() {
        SipTrunk trunk = trunk(false);

        sync(trunk);

        assertThat(gateways.status(trunk.gatewayName()).loaded()).isFalse();
    }

    @Test
    void syncingAgainKeepsTheGatewayUp() {
        SipTrunk trunk = trunk(true);
        sync(trunk);

        sync(trunk);

        assertThat(gateways.status(trunk.gatewayName()).status()).isEqualTo("UP");
    }

    @Test
    void aRemovedGatewayIsNotLoaded() {
        SipTrunk trunk = trunk(true);
        sync(trunk);

        gateways.remove(trunk.gatewayName());

        assertThat(gateways.status(trunk.gatewayName()).loaded()).isFalse();
    }

    @Test
    void removingAGatewayThatIsNotLoadedIsNoError() {
        gateways.remove(trunk(true).gatewayName());

        assertThat(gateways.status(trunk(true).gatewayName()).loaded()).isFalse();
    }

    @Test
    void gatewaysOfDifferentTrunksAreIndependent() {
        SipTrunk kept = trunk(true);
        SipTrunk removed = trunk(true);
        sync(kept);
        sync(removed);

        gateways.remove(removed.gatewayName());

        assertThat(gateways.status(kept.gatewayName()).status()).isEqualTo("UP");
    }

    private void sync(SipTrunk trunk) {
        if (trunk.active()) {
            configurationOffers(trunk);
        }
        gateways.sync(trunk);
    }

    private static SipTrunk trunk(boolean active) {
        return new SipTrunk(UUID.randomUUID(), null, "carrier-" + UUID.randomUUID(), "Carrier", "sip.carrier.example",
                "user", "v1:cipher", "udp", List.of("PCMU", "PCMA"), true, 30, active, T0, T0);
    }
}
