package com.cloudpbx.http.outbound;

import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanResolutionContext;
import io.micronaut.inject.BeanConfiguration;
import io.micronaut.inject.BeanDefinitionReference;

/** Keeps the project's beans down to this package's: the rest of adapters-http needs the app's ports. */
final class OutboundOnly implements BeanConfiguration {

    private static final String PROJECT = "com.cloudpbx.";
    private static final String KEPT = "com.cloudpbx.http.outbound.";

    @Override
    public Package getPackage() {
        return OutboundOnly.class.getPackage();
    }

    @Override
    public String getName() {
        return "adapters-http-outbound-only";
    }

    @Override
    public String getVersion() {
        return null;
    }

    @Override
    public boolean isWithin(BeanDefinitionReference beanDefinitionReference) {
        return isWithin(beanDefinitionReference.getBeanDefinitionName());
    }

    @Override
    public boolean isWithin(Class cls) {
        return isWithin(cls.getName());
    }

    @Override
    public boolean isWithin(String className) {
        return className.startsWith(PROJECT) && !className.startsWith(KEPT);
    }

    @Override
    public boolean isEnabled(BeanContext context, BeanResolutionContext resolutionContext) {
        return false;
    }
}
