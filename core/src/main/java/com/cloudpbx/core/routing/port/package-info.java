/** Ports of the routing context: the stores of the routing resources, the media server's gateways. */
package com.cloudpbx.core.routing.port;
