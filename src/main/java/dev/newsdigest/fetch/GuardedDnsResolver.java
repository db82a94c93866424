package dev.newsdigest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to turn a host into addresses: each host is resolved once and checked by the
 * {@link AddressGuard}, and the client connects to exactly the addresses returned here. Hosts the operator configured
 * (feed hosts, the proxy) are resolved without the address check.
 */
final class GuardedDnsResolver implements DnsResolver {
    private final AddressGuard guard;
    private final Set<String> trustedHosts;

    GuardedDnsResolver(AddressGuard guard, Set<String> trustedHosts) {
        this.guard = guard;
        this.trustedHosts = trustedHosts;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return guard.resolve(host, trustedHosts.contains(host.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // never asked for: the client uses no SPNEGO/Kerberos
    }
}
