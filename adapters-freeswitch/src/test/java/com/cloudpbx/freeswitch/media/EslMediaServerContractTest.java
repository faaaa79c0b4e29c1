package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.MediaServerContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The FreeSWITCH adapter keeps the media server contract, against a fake switch over TCP. */
class EslMediaServerContractTest extends MediaServerContract<EslMediaServer> {

    private ScriptedFreeSwitch freeSwitch;
    private EslMediaServer media;

    @Override
    protected EslMediaServer newMediaServer() {
        freeSwitch = new ScriptedFreeSwitch(tenant.value(), SIP_DOMAIN, EslMediaServerFixture.PASSWORD);
        media = EslMediaServerFixture.connectedTo(freeSwitch.start());
        return media;
    }

    @Override
    protected void letAnswer(UUID ringingLeg) {
        freeSwitch.answer(ringingLeg);
    }

    @AfterEach
    void stopSwitch() {
        media.close();
        freeSwitch.close();
    }
}
