/**
 * Metrics at /metrics (Prometheus text) and one access-log line per request on the
 * {@code voip.access} logger. Authentication code reports who is calling through the request
 * attributes named in {@link com.cloudpbx.http.observability.RequestAttributes}.
 */
package com.cloudpbx.http.observability;
