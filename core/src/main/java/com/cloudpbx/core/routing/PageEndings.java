package com.cloudpbx.core.routing;

import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.ConferenceSnapshot;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.PagingBroadcast;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.shared.DomainException;
import java.util.function.Consumer;

/**
 * Ends a page with its voice: once nobody unmuted is left in a page's room (the caller hung up or
 * was kicked), the paged phones, which answered by themselves, are hung up rather than left
 * listening to silence. Stateless — it reads the room from the switch — so any node may run it.
 */
public final class PageEndings implements Consumer<MediaEvent> {

    private final LegControl media;
    private final ConferenceControl conferencing;
    private final ConferenceRooms rooms;

    public PageEndings(LegControl media, ConferenceControl conferencing, ConferenceRooms rooms) {
        this.media = media;
        this.conferencing = conferencing;
        this.rooms = rooms;
    }

    @Override
    public void accept(MediaEvent event) {
        if (!(event instanceof MediaEvent.ConferenceMemberLeft left) || !isPage(left.conference())) {
            return;
        }
        conferencing.conferences().stream()
                .filter(room -> room.room().equals(left.conference()))
                .filter(room -> !room.members().isEmpty()
                        && room.members().stream().allMatch(ConferenceSnapshot.Member::muted))
                .findFirst()
                .ifPresent(this::hangUpListeners);
    }

    private boolean isPage(String room) {
        return rooms.tenantOf(room).flatMap(tenant -> rooms.nameOf(tenant, room))
                .filter(name -> name.startsWith(PagingBroadcast.ROOM_PREFIX)).isPresent();
    }

    private void hangUpListeners(ConferenceSnapshot room) {
        for (ConferenceSnapshot.Member member : room.members()) {
            if (member.uuid() == null) {
                continue;
            }
            try {
                media.hangup(member.uuid());
            } catch (DomainException alreadyGone) {
                // It hung up by itself meanwhile.
            }
        }
    }
}
