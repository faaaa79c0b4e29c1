/** Ports of the audit context: interfaces core needs and adapters implement. */
package com.cloudpbx.core.audit.port;
