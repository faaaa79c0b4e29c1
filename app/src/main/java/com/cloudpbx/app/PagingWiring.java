package com.cloudpbx.app;

import com.cloudpbx.app.settings.PagingSettings;
import com.cloudpbx.core.calls.PagingBroadcast;
import com.cloudpbx.core.calls.port.LiveCallStore;
import com.cloudpbx.core.calls.port.MediaServer;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.BroadcastPaging;
import com.cloudpbx.core.routing.port.PagingGroupRepository;
import com.cloudpbx.core.tenants.port.TenantRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Paging groups paged from the API, waiting {@code VOIP_PAGING_ANSWER_WAIT_MS} for phones to answer. */
@Factory
public class PagingWiring {

    @Singleton
    BroadcastPaging broadcastPaging(PagingGroupRepository groups, ExtensionRepository extensions,
                                    TenantRepository tenants, MediaServer media, LiveCallStore live,
                                    PagingBroadcast broadcast, PagingSettings settings) {
        return new BroadcastPaging(groups, extensions, tenants, media, live, broadcast, settings.answerWait());
    }
}
