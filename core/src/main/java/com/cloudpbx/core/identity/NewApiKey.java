package com.cloudpbx.core.identity;

import java.util.List;
import java.util.UUID;

/** A request to create an API key, as the client sent it. */
public record NewApiKey(String name, String role, List<String> scopes, String expiresAt, Boolean global,
                        UUID tenantId, String extension) {
}
