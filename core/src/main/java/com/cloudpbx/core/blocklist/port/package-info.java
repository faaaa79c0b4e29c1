/** Ports of the blocklist context: where a tenant's blocklist entries are kept. */
package com.cloudpbx.core.blocklist.port;
