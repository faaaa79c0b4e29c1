package com.cloudpbx.core.audit;

import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;

/** Port: the append-only audit trail. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** Newest first. */
    Page<AuditEntry> find(AuditQuery query, PageRequest page);
}
