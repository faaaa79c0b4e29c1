package com.cloudpbx.core.shared;

import com.cloudpbx.core.shared.port.BoundedCaches;
import java.time.Clock;

/** The caches core's use-case tests run on keep the port's contract. */
class MapBoundedCachesTest extends BoundedCachesContract {

    @Override
    protected BoundedCaches newCaches(Clock clock) {
        return new MapBoundedCaches(clock);
    }
}
