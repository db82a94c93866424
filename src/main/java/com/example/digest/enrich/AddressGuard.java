package com.example.digest.enrich;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps third-party article links away from the local network: refuses loopback, private, link-local
 * (169.254.169.254 included), IPv6 unique-local, multicast and unspecified addresses, judged on the resolved
 * address. Turned off by {@code digest.fetch.allow-private-addresses=true}, for tests and the demo.
 */
public class AddressGuard {
    private final boolean allowPrivate;

    public AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Throws {@link PageFetchException} when {@code uri} may not be fetched. */
    public void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new PageFetchException("refused scheme '" + scheme + "'");
        }
        if (uri.getHost() == null) {
            throw new PageFetchException("no host in " + uri);
        }
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new PageFetchException("unknown host " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new PageFetchException("refused internal address " + address.getHostAddress() + " for " + uri.getHost());
            }
        }
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique-local
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 // 100.64.0.0/10 carrier-grade NAT
                || (b[0] & 0xff) == 0;                       // 0.0.0.0/8
    }
}
