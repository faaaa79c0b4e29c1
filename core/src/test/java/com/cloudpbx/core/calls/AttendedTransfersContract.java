package com.cloudpbx.core.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.port.AttendedTransfers;
import com.cloudpbx.core.shared.TenantId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AttendedTransfers} does; each adapter's test extends this. */
public abstract class AttendedTransfersContract {

    private final TenantId acme = TenantId.of(UUID.randomUUID());
    private AttendedTransfers transfers;

    /** Attended transfers with none under way; called before every test. */
    protected abstract AttendedTransfers newTransfers();

    @BeforeEach
    void startEmpty() {
        transfers = newTransfers();
    }

    @Test
    void aSavedTransferIsFoundByEachOfItsThreeLegs() {
        AttendedTransfer transfer = transfer();

        transfers.save(transfer);

        assertThat(transfers.findByLeg(transfer.transferor())).contains(transfer);
        assertThat(transfers.findByLeg(transfer.party())).contains(transfer);
        assertThat(transfers.findByLeg(transfer.consult())).contains(transfer);
        assertThat(transfers.findByLeg(UUID.randomUUID())).isEmpty();
    }

    @Test
    void savingATransferAgainReplacesItUnderEveryLeg() {
        AttendedTransfer consulting = transfer();
        transfers.save(consulting);

        transfers.save(consulting.talking());

        assertThat(transfers.findByLeg(consulting.party())).contains(consulting.talking());
        assertThat(transfers.findByLeg(consulting.consult())).contains(consulting.talking());
    }

    @Test
    void aRemovedTransferIsFoundByNoneOfItsLegsAndOthersStay() {
        AttendedTransfer gone = transfer();
        AttendedTransfer kept = transfer();
        transfers.save(gone);
        transfers.save(kept);

        transfers.remove(gone);

        assertThat(transfers.findByLeg(gone.transferor())).isEmpty();
        assertThat(transfers.findByLeg(gone.party())).isEmpty();
        assertThat(transfers.findByLeg(gone.consult())).isEmpty();
        assertThat(transfers.findByLeg(kept.consult())).contains(kept);
    }

    @Test
    void removingATransferLeavesAnotherOnASharedLegAlone() {
        AttendedTransfer first = transfer();
        AttendedTransfer again = AttendedTransfer.start(acme, first.transferor(), first.party(), UUID.randomUUID());
        transfers.save(first);
        transfers.save(again);

        transfers.remove(first);

        assertThat(transfers.findByLeg(first.party())).contains(again);
        assertThat(transfers.findByLeg(first.consult())).isEmpty();
    }

    private AttendedTransfer transfer() {
        return AttendedTransfer.start(acme, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    }
}
