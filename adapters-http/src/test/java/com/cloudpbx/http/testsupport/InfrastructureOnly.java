package com.cloudpbx.http.testsupport;

import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanResolutionContext;
import io.micronaut.inject.BeanConfiguration;
import io.micronaut.inject.BeanDefinitionReference;

import java.util.List;

/**
 * Limits the test server to the HTTP infrastructure under test. The resource controllers and the
 * authentication in this module are written against core's ports, which only the app wires; they
 * are tested from the app, where those beans exist.
 */
final class InfrastructureOnly implements BeanConfiguration {

    private static final String PROJECT = "com.cloudpbx.";
    private static final List<String> KEPT = List.of(
        "com.cloudpbx.http.errors.",
        "com.cloudpbx.http.docs.",
        "com.cloudpbx.http.network.",
        "com.cloudpbx.http.observability.",
        "com.cloudpbx.http.testsupport.");

    @Override
    public Package getPackage() {
        return InfrastructureOnly.class.getPackage();
    }

    @Override
    public String getName() {
        return "adapters-http-infrastructure-only";
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
        return className.startsWith(PROJECT) && KEPT.stream().noneMatch(className::startsWith);
    }

    @Override
    public boolean isEnabled(BeanContext context, BeanResolutionContext resolutionContext) {
        return false;
    }
}
