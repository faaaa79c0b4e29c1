package com.cloudpbx.storage.redis;

import static com.cloudpbx.storage.redis.RedisNodes.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.AttendedTransfer;
import com.cloudpbx.core.calls.AttendedTransfersContract;
import com.cloudpbx.core.calls.port.AttendedTransfers;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.testing.RedisServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisAttendedTransfersTest extends AttendedTransfersContract {

    private final RedisNodes nodes = new RedisNodes();
    private final TenantId acme = TenantId.of(UUID.randomUUID());

    @Override
    protected AttendedTransfers newTransfers() {
        return new RedisAttendedTransfers(nodes.node());
    }

    @AfterEach
    void close() {
        nodes.close();
    }

    @Test
    void aTransferIsStoredUnderEachLegExpiringAndFoundOnAnotherNode() {
        RedisConnections redis = nodes.node();
        AttendedTransfer transfer = transfer();

        new RedisAttendedTransfers(redis).save(transfer);

        for (UUID leg : new UUID[] {transfer.transferor(), transfer.party(), transfer.consult()}) {
            assertThat(redis.await(redis.async().pttl(nodes.key("transfer", leg.toString()))))
                    .isBetween(Duration.ofHours(11).toMillis(), Duration.ofHours(12).toMillis());
        }
        assertThat(newTransfers().findByLeg(transfer.party())).contains(transfer);
    }

    @Test
    void whileRedisIsDownTheNodeFindsItsOwnTransfersAndSendsThemWhenRedisIsBack() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            AttendedTransfers transfers = new RedisAttendedTransfers(nodes.node(own.url()));
            own.stop();
            AttendedTransfer transfer = transfer();

            transfers.save(transfer);

            assertThat(transfers.findByLeg(transfer.consult())).contains(transfer);
            assertUnavailable(() -> transfers.findByLeg(UUID.randomUUID()));
            own.start();
            AttendedTransfers other = new RedisAttendedTransfers(nodes.node(own.url()));
            RedisNodes.eventually(() -> {
                transfers.findByLeg(UUID.randomUUID());
                assertThat(other.findByLeg(transfer.transferor())).contains(transfer);
                assertThat(other.findByLeg(transfer.party())).contains(transfer);
            });
        }
    }

    private AttendedTransfer transfer() {
        return AttendedTransfer.start(acme, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    }
}
