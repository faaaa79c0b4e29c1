package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.shared.TenantId;
import java.util.Objects;
import java.util.UUID;

/**
 * An attended transfer under way: the {@code transferor} leg put its {@code party} on hold and
 * rang the target on the {@code consult} leg. It completes when the transferor drops after the
 * target answered, and is cancelled when the consult leg ends.
 */
public record AttendedTransfer(TenantId tenant, UUID transferor, UUID party, UUID consult, Stage stage) {

    public enum Stage {
        /** The target is ringing; the transferor is still bridged to the held party. */
        CONSULTING,
        /** The target answered and talks to the transferor; the party waits on hold. */
        TALKING
    }

    /** What an event about one of the transfer's legs calls for. */
    public enum Outcome {
        NONE,
        /** The target answered: the transferor now talks to it. */
        CONSULT_ANSWERED,
        /** The transferor dropped after the target answered: the party goes to the target. */
        COMPLETED,
        /** The consult leg ended: the party goes back to the transferor. */
        CANCELLED,
        /** The transfer is over with nothing left to do: its legs carry on (or end) as a plain call. */
        DROPPED
    }

    public AttendedTransfer {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(transferor, "transferor");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(consult, "consult");
        Objects.requireNonNull(stage, "stage");
    }

    public static AttendedTransfer start(TenantId tenant, UUID transferor, UUID party, UUID consult) {
        return new AttendedTransfer(tenant, transferor, party, consult, Stage.CONSULTING);
    }

    public AttendedTransfer talking() {
        return new AttendedTransfer(tenant, transferor, party, consult, Stage.TALKING);
    }

    public boolean involves(UUID leg) {
        return transferor.equals(leg) || party.equals(leg) || consult.equals(leg);
    }

    public Outcome on(MediaEvent event) {
        UUID leg = event.uuid();
        return switch (event) {
            case ChannelAnswered ignored when leg.equals(consult) && stage == Stage.CONSULTING ->
                    Outcome.CONSULT_ANSWERED;
            case ChannelHungUp ignored when leg.equals(consult) -> Outcome.CANCELLED;
            // Before the target answered there is nobody to hand the party to.
            case ChannelHungUp ignored when leg.equals(transferor) ->
                    stage == Stage.TALKING ? Outcome.COMPLETED : Outcome.DROPPED;
            case ChannelHungUp ignored when leg.equals(party) -> Outcome.DROPPED;
            default -> Outcome.NONE;
        };
    }
}
