package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.routing.QueueMonitorContract;
import com.cloudpbx.core.routing.port.QueueMonitor;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Queues through the FreeSWITCH adapter, against a scripted mod_callcenter over TCP. */
class EslQueueMonitorContractTest extends QueueMonitorContract {

    private ScriptedFreeSwitch freeSwitch;
    private EslMediaServer media;

    @Override
    protected QueueMonitor newMonitor() {
        freeSwitch = new ScriptedFreeSwitch(UUID.randomUUID(), SIP_DOMAIN, EslMediaServerFixture.PASSWORD);
        media = EslMediaServerFixture.connectedTo(freeSwitch.start());
        return new EslQueueMonitor(media);
    }

    @Override
    protected void seat(String queueName, String callerIdNumber, String callerIdName, Instant joinedAt) {
        freeSwitch.seatInQueue(queueName, callerIdNumber, callerIdName, joinedAt.getEpochSecond());
    }

    @AfterEach
    void stopSwitch() {
        media.close();
        freeSwitch.close();
    }
}
