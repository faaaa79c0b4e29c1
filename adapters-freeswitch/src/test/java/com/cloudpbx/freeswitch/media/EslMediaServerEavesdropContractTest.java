package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.EavesdropContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Eavesdropping through the FreeSWITCH adapter, against a scripted switch over TCP. */
class EslMediaServerEavesdropContractTest extends EavesdropContract<EslMediaServer> {

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
