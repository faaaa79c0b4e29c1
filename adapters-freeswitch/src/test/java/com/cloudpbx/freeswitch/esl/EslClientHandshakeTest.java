package com.cloudpbx.freeswitch.esl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EslClientHandshakeTest extends EslClientTestSupport {

    @Test
    void theClientAnswersTheAuthRequestWithItsPasswordThenSubscribes() throws Exception {
        connected();

        assertThat(fake.commands()).containsExactly("auth s3cret", EslSubscription.DOMAIN.command().strip());
        assertThat(client.isConnected()).isTrue();
        assertThat(client.sessions()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordNeverReportsConnected() throws Exception {
        connect(settings(), "wrong");

        eventually(() -> fake.commands().stream().filter(c -> c.equals("auth wrong")).count() >= 2);
        assertThat(listener.connects.get()).isZero();
        assertThat(client.isConnected()).isFalse();
        assertThat(fake.commands()).allMatch(c -> c.equals("auth wrong"));
    }

    @Test
    void commandsFailAtOnceWhileThePasswordIsRefused() throws Exception {
        connect(settings(), "wrong");
        eventually(() -> !fake.commands().isEmpty());

        assertThat(client.bgapi("status", Duration.ofSeconds(5)))
                .failsWithin(Duration.ofMillis(100))
                .withThrowableThat().havingCause().isInstanceOf(EslUnavailable.class);
    }

    @Test
    void aCommandBeforeTheFirstConnectionFailsFastAsUnavailable() throws Exception {
        fake.stop();
        connect(settings(), PASSWORD);

        var reply = client.bgapi("status", Duration.ofSeconds(5));

        assertThat(reply).isCompletedExceptionally();
        assertThat(reply.handle((ok, error) -> error).join()).isInstanceOf(EslUnavailable.class)
                .hasMessageContaining("127.0.0.1:" + fake.port());
    }

    @Test
    void aCommandSpanningLinesIsRejectedBeforeItReachesTheSwitch() throws Exception {
        connected();

        var reply = client.bgapi("status\n\napi shutdown", Duration.ofSeconds(1));

        assertThat(reply.handle((ok, error) -> error).join()).isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.commands()).noneMatch(c -> c.contains("shutdown"));
    }
}
