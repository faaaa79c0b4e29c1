package com.cloudpbx.core.blocklist;

import com.cloudpbx.core.blocklist.port.BlocklistRepository;
import com.cloudpbx.core.shared.TenantId;
import java.util.UUID;

class MapBlocklistRepositoryTest extends BlocklistRepositoryContract {

    @Override
    protected BlocklistRepository newRepository() {
        return new MapBlocklistRepository();
    }

    @Override
    protected TenantId newTenant(String companyName) {
        return TenantId.of(UUID.randomUUID());
    }
}
