package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.LiveChannels;

/** The test fixture keeps the rules of the real adapter, so use-case tests built on it hold for both. */
class MapLiveChannelsTest extends LiveChannelsContract {

    @Override
    protected LiveChannels newChannels() {
        return new MapLiveChannels();
    }
}
