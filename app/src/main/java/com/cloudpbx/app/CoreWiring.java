package com.cloudpbx.app;

import com.cloudpbx.app.settings.ApiKeySettings;
import com.cloudpbx.app.settings.LoginSettings;
import com.cloudpbx.app.settings.SipSettings;
import com.cloudpbx.app.settings.TurnServerSettings;
import com.cloudpbx.core.extensions.SipEndpoints;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.identity.ApiKeyCache;
import com.cloudpbx.core.identity.ApiKeyUsage;
import com.cloudpbx.core.identity.FailedApiKeyLookups;
import com.cloudpbx.core.identity.LoginLimits;
import com.cloudpbx.core.identity.ResolveActor;
import com.cloudpbx.core.identity.TurnSettings;
import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.identity.port.ApiKeyRepository;
import com.cloudpbx.core.shared.port.AttemptWindows;
import com.cloudpbx.core.shared.port.BoundedCaches;
import com.cloudpbx.core.shared.port.CredentialVersions;
import com.cloudpbx.core.tenants.SipDomains;
import com.cloudpbx.core.tenants.port.TenantRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * What core needs decided: the clock and randomness, the settings its value objects are made of,
 * and the use cases that keep state (one instance each). The others are {@link CoreUseCases}.
 */
@Factory
public class CoreWiring {

    /** How long a found API key, and a key found missing, is remembered. */
    private static final Duration API_KEY_TTL = Duration.ofSeconds(30);
    private static final Duration MISSING_API_KEY_TTL = Duration.ofSeconds(5);

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Singleton
    SipDomains sipDomains(SipSettings sip) {
        return new SipDomains(sip.domainSuffix());
    }

    @Singleton
    SipEndpoints sipEndpoints(SipSettings sip) {
        return new SipEndpoints(sip.server(), sip.wsUri(), sip.registrar());
    }

    @Singleton
    TurnSettings turnSettings(TurnServerSettings turn) {
        return new TurnSettings(turn.secret() == null ? "" : turn.secret(), turn.urlList(),
                Duration.ofSeconds(turn.ttlSeconds()));
    }

    @Singleton
    ApiKeyCache apiKeyCache(BoundedCaches caches, ApiKeySettings settings) {
        return new ApiKeyCache(caches, API_KEY_TTL, MISSING_API_KEY_TTL, settings.apiKeyCacheSize());
    }

    /** Counted where the attempt windows are: this node's memory, or Redis for every API node. */
    @Singleton
    FailedApiKeyLookups failedApiKeyLookups(AttemptWindows windows, Clock clock, ApiKeySettings settings) {
        return new FailedApiKeyLookups(windows, settings.unknownApiKeysPerAddressPerMinute(), clock);
    }

    /** The same limits for whichever login throttle runs. */
    @Singleton
    LoginLimits loginLimits(LoginSettings login) {
        return new LoginLimits(login.attemptsPerAccountPerMinute(), login.attemptsPerAddressPerMinute(),
                login.trackedBuckets());
    }

    /** Holds the usage until it is written in a batch: one instance, flushed by {@link StartupTasks}. */
    @Singleton
    ApiKeyUsage apiKeyUsage(ApiKeyRepository keys) {
        return new ApiKeyUsage(keys);
    }

    @Singleton
    ResolveActor resolveActor(TenantRepository tenants, AccountRepository accounts, ExtensionRepository extensions,
                              CredentialVersions versions, BoundedCaches caches, ApiKeySettings settings) {
        return new ResolveActor(tenants, accounts, extensions, versions, caches, settings.standingCache());
    }
}
