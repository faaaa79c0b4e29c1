/** Ports of the webhooks context: where webhooks and their deliveries are kept, and how a delivery is posted. */
package com.cloudpbx.core.webhooks.port;
