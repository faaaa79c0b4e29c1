package com.cloudpbx.freeswitch.media.bench;

import com.cloudpbx.core.calls.ParkSlotRange;
import com.cloudpbx.freeswitch.esl.EslConnection;
import com.cloudpbx.freeswitch.esl.FakeFreeSwitch;
import com.cloudpbx.freeswitch.media.EslMediaServer;
import com.cloudpbx.freeswitch.media.CommandSettings;
import com.cloudpbx.freeswitch.media.ExtensionDialing;
import com.cloudpbx.freeswitch.media.FreeSwitchHosts;
import com.cloudpbx.freeswitch.media.MediaServerSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A fake switch on 127.0.0.1 for scripted traffic, and the media server adapter connected to it
 * with production settings. The switch has no calls of its own: {@code show channels} lists none,
 * so the resynchronisation after connecting reports nothing.
 */
public final class TrafficSwitch implements AutoCloseable {

    private static final String PASSWORD = "bench-secret";

    private final FakeFreeSwitch fake = new FakeFreeSwitch(PASSWORD);
    private final EslMediaServer media;

    public TrafficSwitch() {
        int port = fake.start();
        fake.answerBgapi(command -> Optional.of(command.startsWith("show channels") ? "{\"row_count\":0}\n" : "+OK\n"));
        var settings = new MediaServerSettings(
                new CommandSettings(new ExtensionDialing.Directory(), "default", new ParkSlotRange(701, 750)),
                com.cloudpbx.freeswitch.esl.EslClientSettings.defaults(), Duration.ofSeconds(10), Duration.ofSeconds(30));
        this.media = new EslMediaServer(new FreeSwitchHosts(List.of(new EslConnection("127.0.0.1", port, PASSWORD))),
                settings, Clock.systemUTC());
    }

    public FakeFreeSwitch fake() {
        return fake;
    }

    /** Attach listeners before {@link #connect}: the adapter reports events from its first one on. */
    public EslMediaServer media() {
        return media;
    }

    /** Starts the adapter and waits until it is connected and resynchronised. */
    public void connect(Duration within) throws InterruptedException {
        media.start();
        long deadline = System.nanoTime() + within.toNanos();
        while (media.resynchronisations() < 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the media server adapter did not connect within " + within);
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        media.close();
        fake.close();
    }
}
