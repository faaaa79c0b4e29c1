/** Ports of the calls context: interfaces core needs and adapters implement. */
package com.cloudpbx.core.calls.port;
