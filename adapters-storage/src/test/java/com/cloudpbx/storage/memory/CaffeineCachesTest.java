package com.cloudpbx.storage.memory;

import com.cloudpbx.core.shared.BoundedCachesContract;
import com.cloudpbx.core.shared.port.BoundedCaches;
import java.time.Clock;

class CaffeineCachesTest extends BoundedCachesContract {

    @Override
    protected BoundedCaches newCaches(Clock clock) {
        return new CaffeineCaches(clock);
    }
}
