package com.cloudpbx.app;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.audit.ReadAuditLog;
import com.cloudpbx.core.audit.port.AuditLog;
import com.cloudpbx.core.calls.ParkSlots;
import com.cloudpbx.core.calls.port.LiveCallStore;
import com.cloudpbx.core.calls.port.OutboundBlocklist;
import com.cloudpbx.core.extensions.SipEndpoints;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.extensions.port.SipSubscriberDirectory;
import com.cloudpbx.core.identity.ApiKeyCache;
import com.cloudpbx.core.identity.ApiKeyManagement;
import com.cloudpbx.core.identity.ApiKeyUsage;
import com.cloudpbx.core.identity.AuthenticateApiKey;
import com.cloudpbx.core.identity.BootstrapSuperadmin;
import com.cloudpbx.core.identity.DescribeMe;
import com.cloudpbx.core.identity.FailedApiKeyLookups;
import com.cloudpbx.core.identity.IssueTurnCredentials;
import com.cloudpbx.core.identity.Login;
import com.cloudpbx.core.identity.ResolveActor;
import com.cloudpbx.core.identity.TurnSettings;
import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.identity.port.ApiKeyRepository;
import com.cloudpbx.core.identity.port.LoginThrottle;
import com.cloudpbx.core.identity.port.PasswordHasher;
import com.cloudpbx.core.operations.CheckHealth;
import com.cloudpbx.core.operations.port.BackendHealth;
import com.cloudpbx.core.provisioning.ExtensionProvisioning;
import com.cloudpbx.core.provisioning.TenantProvisioning;
import com.cloudpbx.core.routing.DirectoryLookup;
import com.cloudpbx.core.routing.RouteCall;
import com.cloudpbx.core.shared.port.BoundedCaches;
import com.cloudpbx.core.shared.port.CredentialVersions;
import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.SipDomains;
import com.cloudpbx.core.tenants.port.TenantRepository;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Builds core's use cases from the ports the adapters provide; core itself knows no framework. */
@Factory
public class CoreWiring {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Singleton
    AuditRecorder auditRecorder(AuditLog log, Clock clock) {
        return new AuditRecorder(log, clock);
    }

    @Singleton
    ReadAuditLog readAuditLog(AuditLog log) {
        return new ReadAuditLog(log);
    }

    @Singleton
    SipDomains sipDomains(@Value("${voip.sip.domain-suffix:pbx.local}") String suffix) {
        return new SipDomains(suffix);
    }

    @Singleton
    SipEndpoints sipEndpoints(@Value("${voip.sip.server:}") String server, @Value("${voip.sip.ws-uri:}") String wsUri,
                              @Value("${voip.sip.registrar:}") String registrar) {
        // Defaults live here: a placeholder default cannot hold the ':' and braces of these templates.
        return new SipEndpoints(orDefault(server, "{domain}"), orDefault(wsUri, "wss://{domain}:7443"),
                orDefault(registrar, "sip:{domain}"));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    @Singleton
    TurnSettings turnSettings(@Value("${voip.turn.secret:}") String secret, @Value("${voip.turn.urls:}") String urls,
                              @Value("${voip.turn.ttl-seconds:86400}") long ttlSeconds) {
        List<String> list = Arrays.stream(urls.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
        return new TurnSettings(secret, list, Duration.ofSeconds(ttlSeconds));
    }

    @Singleton
    CheckHealth checkHealth(List<BackendHealth> backends) {
        return new CheckHealth(backends);
    }

    @Singleton
    ApiKeyCache apiKeyCache(BoundedCaches caches, @Value("${voip.auth.api-key-cache-size:10000}") long size) {
        return new ApiKeyCache(caches, Duration.ofSeconds(30), Duration.ofSeconds(5), size);
    }

    @Singleton
    FailedApiKeyLookups failedApiKeyLookups(BoundedCaches caches, Clock clock,
            @Value("${voip.auth.unknown-api-keys-per-address-per-minute:30}") int perMinute) {
        return new FailedApiKeyLookups(caches, perMinute, 100_000, clock);
    }

    @Singleton
    ApiKeyUsage apiKeyUsage(ApiKeyRepository keys) {
        return new ApiKeyUsage(keys);
    }

    @Singleton
    AuthenticateApiKey authenticateApiKey(ApiKeyRepository keys, ApiKeyCache cache, ApiKeyUsage usage,
                                          FailedApiKeyLookups failures, Clock clock) {
        return new AuthenticateApiKey(keys, cache, usage, failures, clock);
    }

    @Singleton
    ApiKeyManagement apiKeyManagement(ApiKeyRepository keys, TenantRepository tenants,
                                      ExtensionRepository extensions, ApiKeyCache cache, ApiKeyUsage usage,
                                      Transactions transactions, AuditRecorder audit, SecureRandom random,
                                      Clock clock) {
        return new ApiKeyManagement(keys, tenants, extensions, cache, usage, transactions, audit, random, clock);
    }

    @Singleton
    Login login(AccountRepository accounts, ExtensionRepository extensions, TenantRepository tenants,
                PasswordHasher hasher, SecretCipher cipher, LoginThrottle throttle, Transactions transactions,
                AuditRecorder audit, CredentialVersions versions, Clock clock) {
        return new Login(accounts, extensions, tenants, hasher, cipher, throttle, transactions, audit, versions,
                clock);
    }

    @Singleton
    ResolveActor resolveActor(TenantRepository tenants, AccountRepository accounts, ExtensionRepository extensions,
                              CredentialVersions versions, BoundedCaches caches,
                              @Value("${voip.auth.standing-cache-seconds:10}") long cacheSeconds) {
        return new ResolveActor(tenants, accounts, extensions, versions, caches, Duration.ofSeconds(cacheSeconds));
    }

    @Singleton
    DescribeMe describeMe(AccountRepository accounts, ExtensionRepository extensions, ApiKeyRepository keys,
                          TenantRepository tenants) {
        return new DescribeMe(accounts, extensions, keys, tenants);
    }

    @Singleton
    IssueTurnCredentials issueTurnCredentials(TurnSettings settings, Clock clock) {
        return new IssueTurnCredentials(settings, clock);
    }

    @Singleton
    BootstrapSuperadmin bootstrapSuperadmin(AccountRepository accounts, PasswordHasher hasher,
                                            Transactions transactions, SecureRandom random, Clock clock) {
        return new BootstrapSuperadmin(accounts, hasher, transactions, random, clock);
    }

    @Singleton
    TenantProvisioning tenantProvisioning(TenantRepository tenants, AccountRepository accounts,
                                          ExtensionRepository extensions, SipSubscriberDirectory subscribers,
                                          SecretCipher cipher, PasswordHasher hasher, SipDomains sipDomains,
                                          Transactions transactions, AuditRecorder audit,
                                          CredentialVersions versions, ResolveActor standings, Clock clock) {
        return new TenantProvisioning(tenants, accounts, extensions, subscribers, cipher, hasher, sipDomains,
                transactions, audit, versions, standings, clock);
    }

    @Singleton
    ExtensionProvisioning extensionProvisioning(ExtensionRepository extensions, TenantRepository tenants,
                                                SipSubscriberDirectory subscribers, SecretCipher cipher,
                                                SipEndpoints endpoints, Transactions transactions,
                                                AuditRecorder audit, CredentialVersions versions,
                                                ResolveActor standings, Clock clock) {
        return new ExtensionProvisioning(extensions, tenants, subscribers, cipher, endpoints, transactions, audit,
                versions, standings, clock);
    }

    @Singleton
    DirectoryLookup directoryLookup(TenantRepository tenants, ExtensionRepository extensions, SecretCipher cipher) {
        return new DirectoryLookup(tenants, extensions, cipher);
    }

    @Singleton
    RouteCall routeCall(TenantRepository tenants, ExtensionRepository extensions, LiveCallStore live,
                        ParkSlots parkSlots, OutboundBlocklist blocklist) {
        return new RouteCall(tenants, extensions, live, parkSlots, blocklist);
    }
}
