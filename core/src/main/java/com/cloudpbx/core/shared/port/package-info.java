/** Ports of the shared context: interfaces core needs and adapters implement. */
package com.cloudpbx.core.shared.port;
