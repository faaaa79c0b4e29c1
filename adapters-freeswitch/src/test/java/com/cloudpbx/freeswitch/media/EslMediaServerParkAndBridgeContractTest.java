package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.ParkAndBridgeContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Parking, pickup and bridging through the FreeSWITCH adapter, against a scripted switch over TCP. */
class EslMediaServerParkAndBridgeContractTest extends ParkAndBridgeContract<EslMediaServer> {

    private final ScriptedSwitchBackend backend = new ScriptedSwitchBackend();

    @Override
    protected EslMediaServer newMediaServer() {
        return backend.connect(tenant, SIP_DOMAIN);
    }

    @Override
    protected void letAnswer(UUID ringingLeg) {
        backend.answer(ringingLeg);
    }

    @AfterEach
    void stopSwitch() {
        backend.close();
    }
}
