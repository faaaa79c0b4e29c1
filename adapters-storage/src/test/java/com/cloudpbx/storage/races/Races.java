package com.cloudpbx.storage.races;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/** Starts pieces of work on threads of their own at the same instant and waits for all of them. */
final class Races {

    private Races() {
    }

    static void together(Runnable... contenders) {
        CyclicBarrier start = new CyclicBarrier(contenders.length);
        List<CompletableFuture<Void>> running = java.util.Arrays.stream(contenders)
                .map(work -> CompletableFuture.runAsync(() -> {
                    await(start);
                    work.run();
                }, runnable -> Thread.ofPlatform().start(runnable)))
                .toList();
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static void await(CyclicBarrier start) {
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the contenders did not start together", e);
        }
    }
}
