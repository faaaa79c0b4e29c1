package com.cloudpbx.freeswitch.simulated;

import java.util.UUID;

/**
 * An attended transfer's consult while it lasts: the consult leg, the transferor it is for and
 * the party waiting on hold ({@code null} once that party hung up).
 */
record ConsultSession(UUID consult, UUID transferor, UUID heldParty) {

    ConsultSession withoutHeldParty() {
        return new ConsultSession(consult, transferor, null);
    }

    /** The two legs that talk to each other once the target answered. */
    boolean talksOn(UUID leg) {
        return consult.equals(leg) || transferor.equals(leg);
    }
}
