package com.cloudpbx.app;

import com.cloudpbx.core.identity.ApiKeyUsage;
import com.cloudpbx.freeswitch.media.EslMediaServer;
import com.cloudpbx.freeswitch.simulated.SimulatedSwitch;
import com.cloudpbx.storage.postgres.calls.BatchingCallHistory;
import com.cloudpbx.app.settings.ShutdownSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order in which the server stops, run when the context stops and before any bean is destroyed
 * (so the database is still there): requests first — no new ones, and those in flight get
 * {@code voip.shutdown.grace} to finish —, then the media server, so that no call event arrives
 * any more, then the three-way steps, webhook attempts, call records and API-key usage that are still waiting. The embedded
 * PostgreSQL is stopped after the context, by {@link ServerLauncher.RunningServer}.
 */
@Context
public class ShutdownSequence implements ApplicationEventListener<ShutdownEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);
    /** Within the 10 s the whole stop may take, after requests (5 s) and before call records. */
    private static final Duration THREE_WAY_DRAIN = Duration.ofSeconds(2);

    private final EmbeddedServer server;
    private final Optional<EslMediaServer> freeSwitch;
    private final Optional<SimulatedSwitch> simulatedSwitch;
    private final ThreeWayEventThread threeWaySteps;
    private final BatchingCallHistory callHistory;
    private final ApiKeyUsage usage;
    private final WebhookDispatchLoop webhooks;
    private final Duration grace;

    public ShutdownSequence(EmbeddedServer server, Optional<EslMediaServer> freeSwitch,
                            Optional<SimulatedSwitch> simulatedSwitch, ThreeWayEventThread threeWaySteps,
                            BatchingCallHistory callHistory, ApiKeyUsage usage, WebhookDispatchLoop webhooks,
                            ShutdownSettings settings) {
        this.server = server;
        this.freeSwitch = freeSwitch;
        this.simulatedSwitch = simulatedSwitch;
        this.threeWaySteps = threeWaySteps;
        this.callHistory = callHistory;
        this.usage = usage;
        this.webhooks = webhooks;
        this.grace = settings.grace();
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        LOG.info("Shutting down: no new requests; those in flight get {} ms to finish", grace.toMillis());
        drainRequests();
        // Closing the Event Socket stops the events; the calls go on on FreeSWITCH and resynchronise on restart.
        freeSwitch.ifPresent(EslMediaServer::close);
        // The simulated switch lives in this process: its calls end here, and their records are written below.
        simulatedSwitch.ifPresent(simulated -> simulated.shutdown(grace));
        // No event arrives any more: the three-way steps still waiting reach the database before it closes.
        if (!threeWaySteps.drain(THREE_WAY_DRAIN)) {
            LOG.warn("Three-way steps still waiting after {} ms are left undone", THREE_WAY_DRAIN.toMillis());
        }
        // Deliveries are stored already; attempts cut short here are made again after their lease.
        webhooks.close();
        callHistory.close();
        try {
            usage.flush();
        } catch (RuntimeException e) {
            LOG.warn("Could not record API-key usage at shutdown: {}", e.getMessage());
        }
        LOG.info("Call records and API-key usage stored; closing the database connections");
    }

    private void drainRequests() {
        if (!(server instanceof GracefulShutdownCapable graceful)) {
            return;
        }
        try {
            graceful.shutdownGracefully().toCompletableFuture().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Requests still in flight after {} ms are cut off", grace.toMillis());
        } catch (ExecutionException e) {
            LOG.warn("Draining requests failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
