package dev.newsdigest.fetch;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressGuardTest {
    private final AddressGuard guard = new AddressGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {
            // written as a number in a non-canonical way: refused whatever address it means
            "0127.0.0.1", "010.99.0.1", "0172.016.99.1", "0177.0.0.1", "2130706433", "0x7f000001", "0x7f.1", "127.1",
            "3232235521", "1572395042", "08.8.8.8", "8.8.8.010", "0x08.8.8.8", "127.0.0.1.", "00000000000127.0.0.1"})
    void hostsWrittenAsNonCanonicalNumbersAreRefused(String host) {
        assertThatThrownBy(() -> guard.resolve(host, false)).isInstanceOf(FetchException.class)
                .hasMessageStartingWith("refused non-canonical numeric host");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4 special-purpose blocks that are not globally reachable
            "127.0.0.1", "10.1.2.3", "172.16.5.4", "172.31.255.255", "192.168.0.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "0.1.2.3", "192.0.0.8", "192.0.2.1", "198.18.0.1", "198.19.255.254", "198.51.100.7", "203.0.113.9",
            "192.88.99.1", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
            // IPv6, and IPv4 embedded in IPv6 (mapped, compatible, NAT64, 6to4)
            "[::1]", "[::]", "[fe80::1]", "[fd00::1]", "[fc00::1]", "[fec0::1]", "[ff02::1]", "[2001:db8::1]", "[2001::1]",
            "[100::1]", "[3fff::1]", "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]", "[::127.0.0.1]", "[::10.0.0.1]",
            "[::8.8.8.8]", "[64:ff9b::127.0.0.1]", "[64:ff9b::a00:1]", "[64:ff9b::169.254.169.254]", "[64:ff9b:1::8.8.8.8]",
            "[2002:7f00:1::]", "[2002:a00:1::1]", "[2002:c0a8:101::1]", "localhost"})
    void internalAddressesInEveryFormAreRefused(String host) {
        assertThatThrownBy(() -> guard.resolve(host, false)).isInstanceOf(FetchException.class)
                .hasMessageStartingWith("refused internal address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "198.20.0.1", "[2606:4700::1111]",
            "[64:ff9b::8.8.8.8]", "[2002:808:808::1]", "[::ffff:8.8.8.8]"})
    void publicAddressesPass(String host) throws Exception {
        assertThat(guard.resolve(host, false)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/x", "gopher://127.0.0.1:70/", "jar:file:/x.jar!/", "javascript:alert(1)"})
    void onlyHttpAndHttpsAreAllowed(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url))).isInstanceOf(FetchException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1"})
    void trustedHostsAndTheOpenGuardSkipTheAddressCheckButNotTheSpelling(String host) throws Exception {
        assertThat(guard.resolve(host, true)[0].getHostAddress()).isEqualTo(host);
        assertThat(new AddressGuard(true).resolve(host, false)[0].getHostAddress()).isEqualTo(host);
        assertThatThrownBy(() -> guard.resolve("0" + host, true)).hasMessageStartingWith("refused non-canonical numeric host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.2"})
    void theInternalDecisionCanBeNarrowedForTests(String host) throws Exception {
        InetAddress inside = InetAddress.getByName(host);
        AddressGuard narrowed = new AddressGuard(false, inside::equals);
        assertThatThrownBy(() -> narrowed.resolve(host, false)).hasMessageStartingWith("refused internal address");
        assertThatCode(() -> narrowed.resolve("127.0.0.1", false)).doesNotThrowAnyException();
    }
}
