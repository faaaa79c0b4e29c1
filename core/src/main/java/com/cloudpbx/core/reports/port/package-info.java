/** Ports of the reports context: the aggregate figures of a tenant's configuration and call history. */
package com.cloudpbx.core.reports.port;
