/** Ports of the recordings context: where call recordings are kept, interfaces core needs and adapters implement. */
package com.cloudpbx.core.recordings.port;
