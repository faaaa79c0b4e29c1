package com.cloudpbx.app.support;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link ApiServer} for every end-to-end class of the test JVM that needs nothing but the test
 * defaults: each server start costs a Micronaut context, a database and its migrations, so classes
 * that would only start an identical one borrow this one instead. A class takes it as a parameter
 * of its {@code @BeforeAll} (or {@code @BeforeEach}) method, and keeps to tenants it creates itself
 * ({@link Platform#tenant()} gives each a unique subdomain), so what one class provisions never meets
 * another's assertions. Classes that configure the server differently, or stop, restart or break it,
 * start their own.
 *
 * <p>The server lives in the root context's store: JUnit closes it once, after the last class of the
 * run (an {@link AutoCloseable} there is closed like a {@code CloseableResource}).
 */
public final class SharedApiServer implements ParameterResolver {

    /**
     * The test defaults of {@link ApiServer#start()}, with simulated calls answered after 50 ms so the
     * classes that place calls do not wait for the 300 ms default (classes without calls never see it),
     * and extension 1098 with no registered phone.
     */
    static final Map<String, Object> CONFIGURATION = Map.of("voip.sim.answer-ms", 50, "voip.sim.offline", "1098");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedApiServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ApiServer.class;
    }

    @Override
    public ApiServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(ApiServer.class, type -> ApiServer.start(CONFIGURATION), ApiServer.class);
    }
}
