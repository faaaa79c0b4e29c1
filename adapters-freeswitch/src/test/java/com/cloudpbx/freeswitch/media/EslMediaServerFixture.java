package com.cloudpbx.freeswitch.media;

import com.cloudpbx.freeswitch.esl.EslConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** An {@link EslMediaServer} on a fake switch at 127.0.0.1, with quick reconnects and short waits. */
final class EslMediaServerFixture {

    static final String PASSWORD = "s3cret";
    static final Duration WAIT = Duration.ofSeconds(5);

    private EslMediaServerFixture() {
    }

    static MediaServerSettings settings() {
        var socket = com.cloudpbx.freeswitch.esl.EslClientSettings.defaults()
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(100));
        return new MediaServerSettings(CommandSettings.defaults(), socket, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    static EslMediaServer unstarted(int port) {
        return new EslMediaServer(new FreeSwitchHosts(List.of(new EslConnection("127.0.0.1", port, PASSWORD))),
                settings(), Clock.systemUTC());
    }

    /** Started, connected and through its first channel-list resynchronisation. */
    static EslMediaServer connectedTo(int port) {
        EslMediaServer media = unstarted(port);
        media.start();
        eventually(() -> media.resynchronisations() >= 1);
        return media;
    }

    static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
