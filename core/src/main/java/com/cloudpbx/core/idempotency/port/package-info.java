/** Ports of the idempotency context: interfaces core needs and adapters implement. */
package com.cloudpbx.core.idempotency.port;
