package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.routing.QueueMonitorContract;
import com.cloudpbx.core.routing.WaitingCaller;
import com.cloudpbx.core.routing.port.QueueMonitor;
import java.time.Instant;

/** Queues of the simulated switch, filled as the sandbox will fill them. */
class SimulatedQueueMonitorContractTest extends QueueMonitorContract {

    private SimulatedQueueMonitor monitor;

    @Override
    protected QueueMonitor newMonitor() {
        monitor = new SimulatedQueueMonitor();
        return monitor;
    }

    @Override
    protected void seat(String queueName, String callerIdNumber, String callerIdName, Instant joinedAt) {
        monitor.join(queueName, new WaitingCaller(callerIdNumber, callerIdName, joinedAt));
    }
}
