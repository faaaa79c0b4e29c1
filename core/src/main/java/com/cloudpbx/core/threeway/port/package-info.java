/** Ports of the threeway context: interfaces core needs and adapters implement. */
package com.cloudpbx.core.threeway.port;
