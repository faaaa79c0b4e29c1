package com.cloudpbx.core.tenants;

/** A request to create a tenant with its first admin, as the client sent it. */
public record NewTenant(String companyName, String subdomain, String status, String adminEmail,
                        String adminPassword, String adminName) {

    @Override
    public String toString() {
        return "NewTenant[" + subdomain + "]";
    }
}
