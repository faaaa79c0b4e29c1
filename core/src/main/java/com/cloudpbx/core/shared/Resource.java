package com.cloudpbx.core.shared;

import java.util.Optional;

/**
 * The resources of the API, named as in their URL segment; an API-key scope is
 * {@code <resource>:read} or {@code <resource>:write}.
 */
public enum Resource {
    TENANTS("tenants", true, true, false),
    TRUNKS("trunks", true, true, false),
    API_KEYS("api-keys", false, true, false),
    AUDIT_LOG("audit-log", false, true, false),
    EXTENSIONS("extensions", false, false, true),
    /**
     * The SIP passwords of extensions, which are also their login passwords: never readonly's,
     * and a scoped key reaches them only with a scope of its own ({@code extensions:read} is not enough).
     */
    SIP_CREDENTIALS("sip-credentials", false, true, true),
    CALLS("calls", false, false, true),
    RECORDINGS("recordings", false, false, true),
    VOICEMAIL("voicemail", false, false, true),
    PRESENCE("presence", false, false, true),
    CONFERENCES("conferences", false, false, false),
    REPORTS("reports", false, false, false),
    DIDS("dids", false, false, false),
    IVR_MENUS("ivr-menus", false, false, false),
    RING_GROUPS("ring-groups", false, false, false),
    PAGING_GROUPS("paging-groups", false, false, false),
    QUEUES("queues", false, false, false),
    SCHEDULES("schedules", false, false, false),
    BLOCKLIST("blocklist", false, false, false),
    WEBHOOKS("webhooks", false, false, false);

    private final String wireName;
    private final boolean platformOnly;
    private final boolean adminOnly;
    private final boolean extensionScoped;

    Resource(String wireName, boolean platformOnly, boolean adminOnly, boolean extensionScoped) {
        this.wireName = wireName;
        this.platformOnly = platformOnly;
        this.adminOnly = adminOnly;
        this.extensionScoped = extensionScoped;
    }

    public String wireName() {
        return wireName;
    }

    /** Only superadmins reach it. */
    public boolean platformOnly() {
        return platformOnly;
    }

    /** Not even readable by readonly principals (it holds credentials or the trail of them). */
    public boolean adminOnly() {
        return adminOnly;
    }

    /** A user principal reaches the part of it that belongs to its own extension. */
    public boolean extensionScoped() {
        return extensionScoped;
    }

    public static Optional<Resource> byWireName(String name) {
        for (Resource resource : values()) {
            if (resource.wireName.equals(name)) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }
}
