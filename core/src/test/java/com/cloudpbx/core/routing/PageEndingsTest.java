package com.cloudpbx.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.ConferenceSnapshot;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.RecordingMediaServer;
import com.cloudpbx.core.shared.TenantId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageEndingsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final TenantId tenant = TenantId.of(UUID.randomUUID());
    private final RecordingMediaServer media = new RecordingMediaServer();
    private final ConferenceRooms rooms = new ConferenceRooms(new SecureRandom());
    private final PageEndings endings = new PageEndings(media, media, rooms);
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    @Test
    void onceOnlyMutedListenersAreLeftInAPageTheyAreHungUp() {
        String room = rooms.room(tenant, "page-abcd1234");
        media.conferences.add(room(room, true, true));

        endings.accept(new MediaEvent.ConferenceMemberLeft(UUID.randomUUID(), room, "1", NOW));

        assertThat(media.commands).containsExactly("hangup " + first, "hangup " + second);
    }

    @Test
    void aPageGoesOnWhileItsVoiceIsInTheRoom() {
        String room = rooms.room(tenant, "page-abcd1234");
        media.conferences.add(room(room, false, true));

        endings.accept(new MediaEvent.ConferenceMemberLeft(UUID.randomUUID(), room, "3", NOW));

        assertThat(media.commands).isEmpty();
    }

    @Test
    void otherRoomsAreLeftAlone() {
        String room = rooms.room(tenant, "conf-abcd1234");
        media.conferences.add(room(room, true, true));

        endings.accept(new MediaEvent.ConferenceMemberLeft(UUID.randomUUID(), room, "1", NOW));

        assertThat(media.commands).isEmpty();
    }

    private ConferenceSnapshot room(String name, boolean firstMuted, boolean secondMuted) {
        return new ConferenceSnapshot(name, false, NOW, List.of(
                new ConferenceSnapshot.Member("2", first, "1002", "Floor", firstMuted),
                new ConferenceSnapshot.Member("3", second, "1003", "Floor", secondMuted)));
    }
}
