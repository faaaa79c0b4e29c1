package com.cloudpbx.http.groups;

import com.cloudpbx.core.routing.PagingGroup;
import com.cloudpbx.core.routing.RingGroup;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.http.extensions.ExtensionJson.TenantRef;
import com.cloudpbx.http.groups.GroupJson.PagingGroupView;
import com.cloudpbx.http.groups.GroupJson.PagingMemberView;
import com.cloudpbx.http.groups.GroupJson.RingGroupView;
import com.cloudpbx.http.groups.GroupJson.RingMemberView;
import com.cloudpbx.http.shared.Times;
import java.util.Locale;

/** Maps ring and paging groups to their JSON rows. */
final class GroupViews {

    private GroupViews() {
    }

    static RingGroupView view(RingGroup group, Tenant spanningTenant) {
        return new RingGroupView(group.id().toString(), group.tenant().toString(), group.name(),
                group.strategy().name().toLowerCase(Locale.ROOT), group.ringTimeoutSeconds(),
                group.noAnswer().action().wireName(), group.noAnswer().target(),
                group.members().stream().map(m -> new RingMemberView(m.extension(), m.priority(), m.delaySeconds()))
                        .toList(),
                Times.iso(group.createdAt()), Times.iso(group.updatedAt()), ref(spanningTenant));
    }

    static PagingGroupView view(PagingGroup group, Tenant spanningTenant) {
        return new PagingGroupView(group.id().toString(), group.tenant().toString(), group.name(),
                group.description(), group.extensionCode(),
                group.members().stream().map(PagingMemberView::new).toList(),
                Times.iso(group.createdAt()), Times.iso(group.updatedAt()), ref(spanningTenant));
    }

    private static TenantRef ref(Tenant tenant) {
        return tenant == null ? null
                : new TenantRef(tenant.id().toString(), tenant.companyName(), tenant.subdomain().value());
    }
}
