package dev.newsdigest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Keeps third-party links away from the local network. A host is resolved once, every address it resolves to is
 * checked, and the connection is made to exactly those addresses ({@link GuardedDnsResolver}), so the check and the
 * connection cannot disagree and a name cannot rebind between the two. Refused: hosts written as a number in any
 * form other than four decimal parts without leading zeros (octal, hex, fewer parts, {@code 0127.0.0.1}), and every
 * IANA special-purpose block that is not globally reachable, IPv4 and IPv6, including IPv4 addresses embedded in
 * IPv4-mapped, IPv4-compatible, NAT64 and 6to4 addresses. Turned off by {@code digest.fetch.allow-private-addresses=true},
 * for tests and the demo.
 */
public class AddressGuard {
    /** Every dot-separated part decimal, octal or hex: what inet_aton would read as a number. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)^(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?$");
    private static final Pattern CANONICAL_IPV4 = Pattern.compile("^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$");

    private final boolean allowPrivate;
    private final Predicate<InetAddress> internal;

    public AddressGuard(boolean allowPrivate) {
        this(allowPrivate, AddressGuard::isInternal);
    }

    /** {@code internal} decides which addresses are refused; tests narrow it to mark one loopback address as inside. */
    public AddressGuard(boolean allowPrivate, Predicate<InetAddress> internal) {
        this.allowPrivate = allowPrivate;
        this.internal = internal;
    }

    /** Throws {@link FetchException} unless {@code uri} is an http(s) URL with a host. The address is checked on connect. */
    public void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("refused scheme '" + scheme + "'");
        }
        if (uri.getHost() == null) {
            throw new FetchException("no host in " + uri);
        }
    }

    /**
     * The addresses to connect to for {@code host}, each checked; throws {@link FetchException} when the host is
     * written as a non-canonical number or any of its addresses is internal, {@link UnknownHostException} when it
     * does not resolve. {@code trusted} skips the address check (a host the operator configured), not the resolution.
     */
    public InetAddress[] resolve(String host, boolean trusted) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        if (name.contains(":")) {
            addresses = new InetAddress[] {InetAddress.getByName(name)}; // an IPv6 literal: parsed, never looked up
        } else if (NUMERIC_HOST.matcher(name).matches()) {
            if (!CANONICAL_IPV4.matcher(name).matches()) {
                throw new FetchException("refused non-canonical numeric host " + host);
            }
            addresses = new InetAddress[] {InetAddress.getByName(name)};
        } else {
            addresses = InetAddress.getAllByName(name);
        }
        if (allowPrivate || trusted) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (internal.test(address)) {
                throw new FetchException("refused internal address " + address.getHostAddress() + " for " + host);
            }
        }
        return addresses;
    }

    /** True for an address in a special-purpose block that is not globally reachable (IANA registries, IPv4 and IPv6). */
    public static boolean isInternal(InetAddress a) {
        byte[] b = a.getAddress();
        return a instanceof Inet6Address ? isInternalIpv6(b) : isInternalIpv4(b);
    }

    static boolean isInternalIpv4(byte[] b) {
        int o0 = b[0] & 0xff;
        int o1 = b[1] & 0xff;
        int o2 = b[2] & 0xff;
        return o0 == 0                                    // 0.0.0.0/8 "this network"
                || o0 == 10                               // 10.0.0.0/8 private
                || o0 == 100 && (o1 & 0xc0) == 64         // 100.64.0.0/10 shared address space (carrier-grade NAT)
                || o0 == 127                              // 127.0.0.0/8 loopback
                || o0 == 169 && o1 == 254                 // 169.254.0.0/16 link-local (cloud metadata)
                || o0 == 172 && (o1 & 0xf0) == 16         // 172.16.0.0/12 private
                || o0 == 192 && o1 == 0 && o2 == 0        // 192.0.0.0/24 IETF protocol assignments
                || o0 == 192 && o1 == 0 && o2 == 2        // 192.0.2.0/24 documentation (TEST-NET-1)
                || o0 == 192 && o1 == 88 && o2 == 99      // 192.88.99.0/24 6to4 relay anycast (deprecated)
                || o0 == 192 && o1 == 168                 // 192.168.0.0/16 private
                || o0 == 198 && (o1 & 0xfe) == 18         // 198.18.0.0/15 benchmarking
                || o0 == 198 && o1 == 51 && o2 == 100     // 198.51.100.0/24 documentation (TEST-NET-2)
                || o0 == 203 && o1 == 0 && o2 == 113      // 203.0.113.0/24 documentation (TEST-NET-3)
                || o0 >= 224;                             // 224.0.0.0/4 multicast, 240.0.0.0/4 reserved, broadcast
    }

    static boolean isInternalIpv6(byte[] b) {
        int w0 = word(b, 0);
        int w1 = word(b, 1);
        if (allZero(b, 0, 10)) {
            if (word(b, 5) == 0xffff) {
                return isInternalIpv4(last4(b));          // ::ffff:0:0/96 IPv4-mapped (Java usually hands these over as IPv4)
            }
            return allZero(b, 10, 12);                   // ::/96 unspecified, loopback, IPv4-compatible (deprecated): all refused
        }
        if (w0 == 0x64 && w1 == 0xff9b && allZero(b, 4, 12)) {
            return isInternalIpv4(last4(b));              // 64:ff9b::/96 NAT64: judged by the IPv4 address it reaches
        }
        if (w0 == 0x64 && w1 == 0xff9b) {
            return true;                                  // 64:ff9b:1::/48 local-use NAT64
        }
        if (w0 == 0x2002) {
            return isInternalIpv4(new byte[] {b[2], b[3], b[4], b[5]}); // 2002::/16 6to4: judged by its IPv4 address
        }
        return w0 == 0x0100 && w1 == 0 && word(b, 2) == 0 && word(b, 3) == 0 // 100::/64 discard-only
                || w0 == 0x2001 && w1 < 0x0200            // 2001::/23 IETF protocol assignments (Teredo, benchmarking, ORCHID)
                || w0 == 0x2001 && w1 == 0x0db8           // 2001:db8::/32 documentation
                || (w0 & 0xfff0) == 0x3ff0                // 3fff::/20 documentation
                || w0 == 0x5f00                           // 5f00::/16 segment routing
                || (w0 & 0xfe00) == 0xfc00                // fc00::/7 unique-local
                || (w0 & 0xffc0) == 0xfe80                // fe80::/10 link-local
                || (w0 & 0xffc0) == 0xfec0                // fec0::/10 site-local (deprecated)
                || (w0 & 0xff00) == 0xff00;               // ff00::/8 multicast
    }

    private static int word(byte[] b, int i) {
        return (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] last4(byte[] b) {
        return new byte[] {b[12], b[13], b[14], b[15]};
    }

}
