package com.cloudpbx.http.security;

import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Lets a controller method take the acting {@link Actor} that {@link ActorResolutionFilter}
 * resolved for the request, or answers the reason it could not be resolved.
 */
@Singleton
public class ActorArgumentBinder implements TypedRequestArgumentBinder<Actor> {

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> request) {
        Optional<DomainException> failure = request.getAttribute(ActorResolutionFilter.ACTOR_FAILURE,
                DomainException.class);
        if (failure.isPresent()) {
            throw failure.get();
        }
        Actor actor = request.getAttribute(ActorResolutionFilter.ACTOR, Actor.class)
                .orElseThrow(() -> DomainException.unauthorized(
                        "Authentication required: send X-API-Key or Authorization: Bearer <token>"));
        return () -> Optional.of(actor);
    }
}
