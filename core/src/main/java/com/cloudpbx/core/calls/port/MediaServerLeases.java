package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.calls.LeaseState;
import java.time.Duration;

/**
 * Port: decides which API node applies each media server's events (live state, notifications,
 * call records), so that several nodes connected to one switch apply each event once. A lease
 * lasts {@code ttl} from its last renewal: the holder renews it well within that, and when the
 * holder dies another node takes it once it has lapsed. Every node may send commands regardless.
 */
public interface MediaServerLeases {

    /** Takes the media server's lease for this node, or renews it if this node holds it. */
    LeaseState hold(String mediaServer, Duration ttl);

    /** Gives up this node's lease of the media server, if it holds it, so another node takes it at once. */
    void release(String mediaServer);
}
