/** Ports of the identity context: interfaces core needs and adapters implement. */
package com.cloudpbx.core.identity.port;
