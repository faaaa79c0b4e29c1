package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.shared.TenantId;
import java.util.UUID;

/** An {@link EslMediaServer} connected over TCP to a {@link ScriptedFreeSwitch}, for the scenario contracts. */
final class ScriptedSwitchBackend implements AutoCloseable {

    private ScriptedFreeSwitch freeSwitch;
    private EslMediaServer media;

    EslMediaServer connect(TenantId tenant, String sipDomain) {
        freeSwitch = new ScriptedFreeSwitch(tenant.value(), sipDomain, EslMediaServerFixture.PASSWORD);
        media = EslMediaServerFixture.connectedTo(freeSwitch.start());
        return media;
    }

    void answer(UUID ringingLeg) {
        freeSwitch.answer(ringingLeg);
    }

    void decline(UUID ringingLeg, String cause) {
        freeSwitch.decline(ringingLeg, cause);
    }

    @Override
    public void close() {
        if (media != null) {
            media.close();
        }
        if (freeSwitch != null) {
            freeSwitch.close();
        }
    }
}
