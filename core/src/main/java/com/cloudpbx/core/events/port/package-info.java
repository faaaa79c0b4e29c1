/** Ports of the events context: interfaces core needs and adapters implement. */
package com.cloudpbx.core.events.port;
