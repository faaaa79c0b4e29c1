package com.cloudpbx.core.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the scenario contracts beyond {@link MediaServerContract} share: a fresh media server per
 * test, calls between extensions of one tenant, and a {@link Transcript} to state what each leg
 * went through. Each contract states the expected transcripts literally, so every backend that
 * passes it produced the same domain events and the same snapshots.
 */
public abstract class MediaServerScenarios<S extends LegControl & ConferenceControl> {

    protected static final String SIP_DOMAIN = "acme.sip.example.com";
    protected static final Duration RING = Duration.ofSeconds(30);

    protected final TenantId tenant = TenantId.of(UUID.randomUUID());
    protected final RecordedMediaEvents events = new RecordedMediaEvents(Duration.ofSeconds(5));
    protected final Transcript transcript = new Transcript();
    private S server;

    /** A media server (its legs and its rooms) with no calls on it; called before every test. */
    protected abstract S newMediaServer();

    /**
     * Makes the phone behind a ringing leg pick up. A backend whose phones answer by themselves
     * (the simulated switch) does nothing; one driven by a fake switch has it report the answer.
     */
    protected abstract void letAnswer(UUID ringingLeg);

    @BeforeEach
    void startWithNoCalls() {
        server = newMediaServer();
        server.listen(events);
    }

    protected final S server() {
        return server;
    }

    protected static Destination extension(String number) {
        return Destination.extension(number, SIP_DOMAIN);
    }

    /**
     * Rings {@code from} (a leg named {@code callerName}), lets it answer, then {@code to} (named
     * {@code calleeName}), lets that answer and waits for the bridge. Returns the callee's leg.
     */
    protected final UUID connectedCall(UUID caller, String callerName, String from, String callerIdName, String to,
                                       String calleeName) {
        transcript.name(caller, callerName);
        server.originate(new Originate(caller, tenant, extension(from), extension(to), from, callerIdName, RING));
        events.await(ChannelRinging.class, caller);
        letAnswer(caller);
        UUID callee = events.awaitOtherLeg(caller, caller);
        transcript.name(callee, calleeName);
        events.await(ChannelRinging.class, callee);
        letAnswer(callee);
        events.await(ChannelBridged.class, callee);
        return callee;
    }

    /** The refusal of {@code command}, which must be a {@link DomainException} with {@code code}. */
    protected static void assertRefusedAs(String code, ThrowingCallable command) {
        assertThatThrownBy(command).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }

    /**
     * What a leg of {@link #connectedCall} reports: its creation in {@code call} as extension
     * {@code number} showing {@code callerId} and dialling {@code dialled}, ringing, the answer,
     * the bridge to {@code partner}, then {@code then}.
     */
    protected static List<String> connectedThen(String number, String callerId, String dialled, String call,
                                                String partner, String... then) {
        List<String> lines = new ArrayList<>(List.of(
                "created in call " + call + ", internal, extension " + number + ", caller " + callerId
                        + ", dialled " + dialled,
                "ringing", "answered", "bridged to " + partner));
        lines.addAll(List.of(then));
        return lines;
    }
}
