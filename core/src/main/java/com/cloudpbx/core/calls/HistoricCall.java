package com.cloudpbx.core.calls;

import com.cloudpbx.core.tenants.Tenant;

/** A history record, with its tenant when a listing spans tenants. */
public record HistoricCall(CallRecord record, Tenant tenant) {
}
