/** Ports of the presence context: which phones are registered. */
package com.cloudpbx.core.presence.port;
