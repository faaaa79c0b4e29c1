package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.routing.TrunkGatewaysContract;
import com.cloudpbx.core.routing.port.TrunkGateways;

/** The simulated switch's trunk gateways keep the port's contract. */
class SimulatedTrunkGatewaysContractTest extends TrunkGatewaysContract {

    @Override
    protected TrunkGateways newGateways() {
        return new SimulatedTrunkGateways();
    }
}
