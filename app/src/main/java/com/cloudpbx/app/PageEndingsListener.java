package com.cloudpbx.app;

import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.routing.PageEndings;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Has {@link PageEndings} follow the media events from the start; before it no page exists to end. */
@Singleton
public class PageEndingsListener {

    private final LegControl media;
    private final PageEndings endings;

    public PageEndingsListener(LegControl media, PageEndings endings) {
        this.media = media;
        this.endings = endings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        media.listen(endings);
    }
}
