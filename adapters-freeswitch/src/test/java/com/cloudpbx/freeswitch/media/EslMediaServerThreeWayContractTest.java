package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.threeway.ThreeWayContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Three-way calling through the FreeSWITCH adapter, against a scripted switch over TCP. */
class EslMediaServerThreeWayContractTest extends ThreeWayContract<EslMediaServer> {

    private final ScriptedSwitchBackend backend = new ScriptedSwitchBackend();

    @Override
    protected EslMediaServer newMediaServer() {
        return backend.connect(tenant, SIP_DOMAIN);
    }

    @Override
    protected void letAnswer(UUID ringingLeg) {
        backend.answer(ringingLeg);
    }

    @Override
    protected void letBeBusy(UUID ringingLeg) {
        backend.decline(ringingLeg, "USER_BUSY");
    }

    @AfterEach
    void stopSwitch() {
        backend.close();
    }
}
