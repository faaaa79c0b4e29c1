package com.cloudpbx.app;

import com.cloudpbx.app.settings.PagingSettings;
import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.PagingBroadcast;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.BroadcastPaging;
import com.cloudpbx.core.routing.PageEndings;
import com.cloudpbx.core.routing.port.PagingGroupRepository;
import com.cloudpbx.core.tenants.port.TenantRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Paging groups paged from the API, waiting {@code VOIP_PAGING_ANSWER_WAIT_MS} for phones to
 * answer, and the listener that ends a page once its caller is gone.
 */
@Factory
public class PagingWiring {

    @Singleton
    BroadcastPaging broadcastPaging(PagingGroupRepository groups, ExtensionRepository extensions,
                                    TenantRepository tenants, LegControl media, LiveChannels live,
                                    PagingBroadcast broadcast, PagingSettings settings) {
        return new BroadcastPaging(groups, extensions, tenants, media, live, broadcast, settings.answerWait());
    }

    @Singleton
    PageEndings pageEndings(LegControl media, ConferenceControl conferencing, ConferenceRooms rooms) {
        return new PageEndings(media, conferencing, rooms);
    }
}
