package com.cloudpbx.core.audit.port;

import com.cloudpbx.core.audit.AuditEntry;
import com.cloudpbx.core.audit.AuditQuery;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;

/** Port: the append-only audit trail. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** Newest first. */
    Page<AuditEntry> find(AuditQuery query, PageRequest page);
}
