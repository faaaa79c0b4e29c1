package com.cloudpbx.core.webhooks.port;

import com.cloudpbx.core.webhooks.AttemptResult;
import com.cloudpbx.core.webhooks.OutgoingDelivery;

/**
 * Port: posts a delivery to its receiver, blocking the calling thread until the response or a
 * timeout, and never following a redirect. It reaches only addresses the platform allows: the
 * target's name is resolved for this attempt, every address it resolves to is checked, and the
 * connection goes to an address that was checked. A refused address, a refused connection or a
 * timeout is an {@link AttemptResult} without a status code, never an exception.
 */
public interface WebhookSender {

    AttemptResult send(OutgoingDelivery delivery);
}
