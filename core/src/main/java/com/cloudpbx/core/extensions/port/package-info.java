/** Ports of the extensions context: interfaces core needs and adapters implement. */
package com.cloudpbx.core.extensions.port;
