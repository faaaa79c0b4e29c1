package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.LiveChannelsContract;
import com.cloudpbx.core.calls.port.LiveChannels;

class InMemoryLiveChannelsTest extends LiveChannelsContract {

    @Override
    protected LiveChannels newChannels() {
        return new InMemoryLiveChannels();
    }
}
