package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import org.junit.jupiter.api.Test;

/** mod_conference's plain-word answers, as they come back from bgapi. */
class ConferenceRepliesTest {

    private static final String ROOM = "t6f1c2a8e0b7d4e5f9a3c1d2e3f4a5b6c-sales";

    @Test
    void aRoomTheSwitchDoesNotHaveIsConferenceNotFound() {
        assertThatThrownBy(() -> ConferenceReplies.checked("Conference " + ROOM + " not found\n"))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.code()).isEqualTo("CONFERENCE_NOT_FOUND");
                    assertThat(refused.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
                });
    }

    @Test
    void aMemberTheRoomDoesNotHaveIsMemberNotFound() {
        assertThatThrownBy(() -> ConferenceReplies.checked("Non-Existant ID 999\n"))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("MEMBER_NOT_FOUND"));
    }

    @Test
    void anActionTheSwitchsConferenceModuleDoesNotHaveIsRefusedByTheMediaServer() {
        assertThatThrownBy(() -> ConferenceReplies.checked("Conference command 'hold' not found.\n"))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.code()).isEqualTo("MEDIA_SERVER_REFUSED");
                    assertThat(refused.kind()).isEqualTo(ErrorKind.BAD_GATEWAY);
                });
    }

    @Test
    void whatTheCommandsAnswerWhenTheyDidTheirWorkPassesThrough() {
        assertThat(ConferenceReplies.checked("OK kicked 41\n")).isEqualTo("OK kicked 41\n");
        assertThat(ConferenceReplies.checked("OK mute 41\n")).isEqualTo("OK mute 41\n");
        assertThat(ConferenceReplies.checked("OK unmute 41\n")).isEqualTo("OK unmute 41\n");
        assertThat(ConferenceReplies.checked("OK " + ROOM + " locked\n")).isEqualTo("OK " + ROOM + " locked\n");
    }
}
