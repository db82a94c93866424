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
        InetAddress numeric = numericIpv4(uri.getHost());
        try {
            addresses = numeric != null ? new InetAddress[] {numeric} : InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new PageFetchException("unknown host " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new PageFetchException("refused internal address " + address.getHostAddress() + " for " + uri.getHost());
            }
        }
    }

    /**
     * The address a numeric host means to the C library's inet_aton, which browsers and curl follow: one to four
     * parts, each decimal, octal (leading 0) or hex (0x), as in {@code 2130706433}, {@code 0x7f.1} or {@code 0177.0.0.1}.
     * Null when the host is not of that form.
     */
    static InetAddress numericIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4 || !host.matches("(?i)[0-9a-fx.]+") || !host.matches("(?i)^(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*$")) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].toLowerCase(java.util.Locale.ROOT);
            try {
                values[i] = p.startsWith("0x") ? (p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16))
                        : p.length() > 1 && p.startsWith("0") ? Long.parseLong(p.substring(1), 8) : Long.parseLong(p);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (24 - 8 * i);
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (5 - values.length))) {
            return null;
        }
        address |= last;
        byte[] bytes = {(byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address};
        try {
            return InetAddress.getByAddress(host, bytes);
        } catch (UnknownHostException e) {
            return null;
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
