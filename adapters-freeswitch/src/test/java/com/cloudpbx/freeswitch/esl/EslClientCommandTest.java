package com.cloudpbx.freeswitch.esl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class EslClientCommandTest extends EslClientTestSupport {

    @Test
    void bgapiSendsTheCommandWithAJobUuidChosenByTheClient() throws Exception {
        connected();

        client.bgapi("uuid_kill 6f1c2a9e NORMAL_CLEARING", WAIT).get();

        assertThat(fake.commands()).last().asString()
                .matches("bgapi uuid_kill 6f1c2a9e NORMAL_CLEARING\nJob-UUID: [0-9a-f-]{36}");
    }

    @Test
    void bgapiCompletesWithTheBackgroundJobOutput() throws Exception {
        fake.answerBgapi(command -> Optional.of("+OK a83b0d12-5e44-4f0a-b1c7-2d9e6f3a8c05\n"));
        connected();

        assertThat(client.bgapi("originate sofia/gateway/carrier-a/+14155550123 &park()", WAIT).get())
                .isEqualTo("+OK a83b0d12-5e44-4f0a-b1c7-2d9e6f3a8c05");
    }

    @Test
    void concurrentJobsAnsweredOutOfOrderEachGetTheirOwnOutput() throws Exception {
        fake.holdJobs();
        connected();
        CompletableFuture<String> first = client.bgapi("uuid_getvar a billsec", WAIT);
        FakeFreeSwitch.Job firstJob = fake.nextHeldJob(WAIT);
        CompletableFuture<String> second = client.bgapi("uuid_getvar b billsec", WAIT);
        FakeFreeSwitch.Job secondJob = fake.nextHeldJob(WAIT);

        fake.finishJob(secondJob, "42\n");
        assertThat(second.get()).isEqualTo("42");
        assertThat(first).isNotDone();
        fake.finishJob(firstJob, "7\n");

        assertThat(first.get()).isEqualTo("7");
    }

    @Test
    void anErrOutputBecomesARefusedCommandCarryingTheReply() throws Exception {
        fake.answerBgapi(command -> Optional.of("-ERR NO_ROUTE_DESTINATION\n"));
        connected();

        ExecutionException failure = failureOf(client.bgapi("originate sofia/gateway/x/1 &park()", WAIT));

        assertThat(failure.getCause()).isInstanceOfSatisfying(EslCommandRefused.class, refused -> {
            assertThat(refused.reply()).isEqualTo("-ERR NO_ROUTE_DESTINATION");
            assertThat(refused.command()).startsWith("originate");
            assertThat(refused.mediaServer()).isEqualTo("127.0.0.1:" + fake.port());
        });
    }

    @Test
    void aUsageAnswerIsARefusedCommandToo() throws Exception {
        fake.answerBgapi(command -> Optional.of("-USAGE: <uuid> [cause]\n"));
        connected();

        assertThat(failureOf(client.bgapi("uuid_kill", WAIT)).getCause()).isInstanceOf(EslCommandRefused.class);
    }

    @Test
    void outputThatIsNotOkPrefixedStillCountsAsSuccess() throws Exception {
        fake.answerBgapi(command -> Optional.of("{\"row_count\":0}\n"));
        connected();

        assertThat(client.bgapi("show channels as json", WAIT).get()).isEqualTo("{\"row_count\":0}");
    }

    @Test
    void aJobWithoutAnAnswerTimesOut() throws Exception {
        fake.holdJobs();
        connected();

        ExecutionException failure = failureOf(client.bgapi("originate sofia/gateway/x/1 &park()", Duration.ofMillis(150)));

        assertThat(failure.getCause()).isInstanceOf(EslCommandTimeout.class).hasMessageContaining("PT0.15S");
    }

    @Test
    void aBackgroundJobAnsweringAfterItsTimeoutIsPassedToTheListenerInstead() throws Exception {
        fake.holdJobs();
        connected();
        failureOf(client.bgapi("status", Duration.ofMillis(50)));

        fake.finishJob(fake.nextHeldJob(WAIT), "UP 0 years\n");

        assertThat(listener.nextEvent(WAIT).name()).isEqualTo("BACKGROUND_JOB");
    }

    @Test
    void aJobPendingWhenTheConnectionDropsFailsAsUnavailable() throws Exception {
        fake.holdJobs();
        connected();
        CompletableFuture<String> reply = client.bgapi("status", WAIT);
        fake.nextHeldJob(WAIT);

        fake.dropClients();

        assertThat(failureOf(reply).getCause()).isInstanceOf(EslUnavailable.class);
    }

    @Test
    void repliesCompleteOffTheSocketThreadSoCallersMayBlockInThem() throws Exception {
        fake.holdJobs();
        connected();
        CompletableFuture<String> thread = client.bgapi("status", WAIT).thenApply(ok -> Thread.currentThread().getName());

        fake.finishJob(fake.nextHeldJob(WAIT), "UP\n");

        assertThat(thread.get()).startsWith("esl-replies-");
    }

    private static ExecutionException failureOf(CompletableFuture<String> reply) {
        try {
            reply.get();
        } catch (ExecutionException e) {
            return e;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected the command to fail");
    }
}
