package com.cloudpbx.core.tenants;

/** Counts of what a tenant has provisioned. */
public record TenantStats(long extensions, long activeExtensions, long admins, long apiKeys) {
}
