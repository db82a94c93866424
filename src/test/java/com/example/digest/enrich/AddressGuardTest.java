package com.example.digest.enrich;

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
            "http://127.0.0.1/", "http://localhost:8080/admin", "http://[::1]/", "http://10.1.2.3/", "http://172.16.5.4/",
            "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://[fd00::1]/",
            "http://224.0.0.1/", "http://0.0.0.0/", "http://[::]/", "http://2130706433/", "http://0x7f000001/",
            "http://0177.0.0.1/", "http://0x7f.1/", "http://127.1/", "http://3232235521/", "http://[::ffff:127.0.0.1]/",
            "http://100.64.0.1/"})
    void internalAddressesInAnyNotationAreRefused(String url) {
        // forms java.net.URI cannot read as a host (127.1) have no host at all and are refused for that
        assertThatThrownBy(() -> guard.check(URI.create(url))).isInstanceOf(PageFetchException.class)
                .hasMessageMatching("refused internal address .*|no host in .*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/x", "gopher://127.0.0.1:70/", "jar:file:/x.jar!/"})
    void onlyHttpAndHttpsAreAllowed(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url))).isInstanceOf(PageFetchException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/", "https://8.8.8.8/dns", "http://1572395042/"})
    void publicAddressesPass(String url) {
        assertThatCode(() -> guard.check(URI.create(url))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://2130706433/"})
    void theGuardOpensOnlyWhenAskedTo(String url) {
        assertThatCode(() -> new AddressGuard(true).check(URI.create(url))).doesNotThrowAnyException();
        assertThat(AddressGuard.numericIpv4("2130706433").getHostAddress()).isEqualTo("127.0.0.1");
    }
}
