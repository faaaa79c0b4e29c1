package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.routing.SipTrunk;
import com.cloudpbx.core.routing.TrunkGatewaysContract;
import com.cloudpbx.core.routing.port.TrunkGateways;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The FreeSWITCH adapter's trunk gateways keep the port's contract, against a fake switch over TCP. */
class EslTrunkGatewaysContractTest extends TrunkGatewaysContract {

    private ScriptedFreeSwitch freeSwitch;
    private EslMediaServer media;

    @Override
    protected TrunkGateways newGateways() {
        freeSwitch = new ScriptedFreeSwitch(UUID.randomUUID(), "acme.sip.example.com", EslMediaServerFixture.PASSWORD);
        media = EslMediaServerFixture.connectedTo(freeSwitch.start());
        return new EslTrunkGateways(media);
    }

    @Override
    protected void configurationOffers(SipTrunk trunk) {
        freeSwitch.offerGateway(trunk.gatewayName());
    }

    @AfterEach
    void stopSwitch() {
        media.close();
        freeSwitch.close();
    }
}
