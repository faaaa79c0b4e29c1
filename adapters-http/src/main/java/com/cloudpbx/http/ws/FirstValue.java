package com.cloudpbx.http.ws;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The first value of a publisher, or empty when it completes without one. */
final class FirstValue<T> implements Subscriber<T> {

    private final CompletableFuture<Optional<T>> result = new CompletableFuture<>();
    private Subscription subscription;

    private FirstValue() {
    }

    static <T> CompletableFuture<Optional<T>> of(Publisher<T> publisher) {
        FirstValue<T> first = new FirstValue<>();
        publisher.subscribe(first);
        return first.result;
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(T value) {
        if (result.complete(Optional.ofNullable(value))) {
            subscription.cancel();
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(Optional.empty());
    }
}
