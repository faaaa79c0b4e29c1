/**
 * Posting webhook deliveries: Micronaut's HTTP client, whose every connection resolves its target
 * through {@link com.cloudpbx.http.outbound.TargetCheckingResolverGroup}, so a delivery connects
 * only to an address that was checked.
 */
package com.cloudpbx.http.outbound;
