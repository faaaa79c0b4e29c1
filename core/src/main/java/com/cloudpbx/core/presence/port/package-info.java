/** Ports of the presence context: which phones are registered, and what else presence is derived from. */
package com.cloudpbx.core.presence.port;
