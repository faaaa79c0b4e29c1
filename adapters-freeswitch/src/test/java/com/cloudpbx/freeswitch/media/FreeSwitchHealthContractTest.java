package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.operations.BackendHealthContract;
import com.cloudpbx.core.operations.port.BackendHealth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The media servers' health keeps the port's contract: a fake switch over TCP, and a port nothing listens on. */
class FreeSwitchHealthContractTest extends BackendHealthContract {

    private final List<AutoCloseable> started = new ArrayList<>();

    @Override
    protected BackendHealth healthy() {
        ScriptedFreeSwitch freeSwitch = new ScriptedFreeSwitch(UUID.randomUUID(), "acme.sip.example.com",
                EslMediaServerFixture.PASSWORD);
        started.add(freeSwitch);
        EslMediaServer media = EslMediaServerFixture.connectedTo(freeSwitch.start());
        started.add(media);
        return new FreeSwitchHealth(media);
    }

    @Override
    protected BackendHealth unreachable() {
        EslMediaServer media = EslMediaServerFixture.unstarted(aPortNothingListensOn());
        media.start();
        started.add(media);
        return new FreeSwitchHealth(media);
    }

    @Override
    protected String secret() {
        return EslMediaServerFixture.PASSWORD;
    }

    @AfterEach
    void stopAll() throws Exception {
        // The media servers first, so none of them reconnects to a switch being stopped.
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private static int aPortNothingListensOn() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
