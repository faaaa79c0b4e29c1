/** Ports of the operations context: interfaces core needs and adapters implement. */
package com.cloudpbx.core.operations.port;
