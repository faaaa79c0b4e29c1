/** Ports of the tenants context: interfaces core needs and adapters implement. */
package com.cloudpbx.core.tenants.port;
