package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.ParkAndBridgeContract;
import com.cloudpbx.core.calls.port.MediaServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Parking, pickup and bridging through the FreeSWITCH adapter, against a scripted switch over TCP. */
class EslMediaServerParkAndBridgeContractTest extends ParkAndBridgeContract {

    private final ScriptedSwitchBackend backend = new ScriptedSwitchBackend();

    @Override
    protected MediaServer newMediaServer() {
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
