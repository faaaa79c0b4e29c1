package com.cloudpbx.http.outbound;

import com.cloudpbx.core.webhooks.TargetAddresses;
import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves every connection of the webhook client ({@link WebhookClientConfiguration} names this
 * group): the target's name is looked up once, every address it resolves to is checked against
 * {@link TargetAddresses}, and the connection goes to the first of them, already resolved, so no
 * later lookup can point it elsewhere (DNS rebinding). One refused address refuses the connection,
 * whichever the system would have picked. TLS and the {@code Host} header keep using the name,
 * which the client takes from the request, not from the address.
 */
@Singleton
@Named(TargetCheckingResolverGroup.NAME)
public final class TargetCheckingResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    public static final String NAME = "webhook-targets";

    private final HostLookup lookup;
    private final WebhookTargetSettings settings;
    private final TargetAddresses addresses = new TargetAddresses();

    public TargetCheckingResolverGroup(HostLookup lookup, WebhookTargetSettings settings) {
        this.lookup = lookup;
        this.settings = settings;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new CheckingResolver(executor);
    }

    /** The address to connect to for this target; throws when the delivery may not connect there. */
    InetSocketAddress checked(InetSocketAddress target) throws UnknownHostException, TargetRefusedException {
        String host = target.getHostString();
        int port = target.getPort();
        if (!settings.allowedPorts().contains(port)) {
            throw new TargetRefusedException("refused to connect to " + host + ":" + port + ": port " + port
                    + " is not open to webhooks");
        }
        List<InetAddress> candidates = candidates(target, host);
        if (!settings.allowPrivateTargets()) {
            for (InetAddress candidate : candidates) {
                var refusal = addresses.refusal(candidate);
                if (refusal.isPresent()) {
                    throw new TargetRefusedException("refused to connect to " + host + ": " + refusal.get()
                            + ", which webhooks may not reach");
                }
            }
        }
        InetAddress first = candidates.get(0);
        return new InetSocketAddress(InetAddress.getByAddress(host, first.getAddress()), port);
    }

    private List<InetAddress> candidates(InetSocketAddress target, String host) throws UnknownHostException {
        if (!target.isUnresolved()) {
            return List.of(target.getAddress());
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(bare);
        if (literal != null) {
            return List.of(literal);
        }
        List<InetAddress> found = lookup.lookup(host);
        if (found == null || found.isEmpty()) {
            throw new UnknownHostException(host + " has no address");
        }
        return List.copyOf(found);
    }

    /**
     * Treats every address as unresolved, so that even one handed over resolved is checked. The
     * lookup blocks, so it runs on a virtual thread, never on the event loop.
     */
    private final class CheckingResolver extends AbstractAddressResolver<InetSocketAddress> {

        CheckingResolver(EventExecutor executor) {
            super(executor, InetSocketAddress.class);
        }

        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
            return false;
        }

        @Override
        protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
            Thread.ofVirtual().name("webhook-target-lookup").start(() -> {
                try {
                    promise.trySuccess(checked(unresolved));
                } catch (Exception e) {
                    promise.tryFailure(e);
                }
            });
        }

        @Override
        protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
            Thread.ofVirtual().name("webhook-target-lookup").start(() -> {
                try {
                    List<InetSocketAddress> one = new ArrayList<>(1);
                    one.add(checked(unresolved));
                    promise.trySuccess(one);
                } catch (Exception e) {
                    promise.tryFailure(e);
                }
            });
        }
    }
}
