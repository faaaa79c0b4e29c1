package com.cloudpbx.http.xmlcurl;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.http.network.ClientAddresses;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Applies {@link XmlCurlAccess} to a request. Refusals are ordinary API errors in the JSON error
 * shape: mod_xml_curl treats any answer other than 200 as a failed lookup, falls back to its next
 * binding (or the static files) and logs the status, which is what an operator needs to see.
 */
@Singleton
final class XmlCurlGuard {

    static final String SECRET_HEADER = "X-XmlCurl-Secret";

    private final XmlCurlAccess access;
    private final ClientAddresses addresses;

    XmlCurlGuard(ClientAddresses addresses, XmlCurlSettings settings) {
        this.addresses = addresses;
        this.access = XmlCurlAccess.configured(settings.secret(), settings.allowedAddresses());
    }

    void admit(HttpRequest<?> request) {
        var verdict = access.decide(addresses.of(request).orElse(null),
                request.getHeaders().get("Authorization"), request.getHeaders().get(SECRET_HEADER));
        switch (verdict) {
            // Disabled routes look like no routes at all.
            case DISABLED -> throw DomainException.notFound("Route");
            case REFUSED -> throw DomainException.forbidden("This client may not query the media-server routes");
            case ALLOWED -> {
            }
        }
    }
}
