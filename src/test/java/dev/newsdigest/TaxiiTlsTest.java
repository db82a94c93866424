package dev.newsdigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.Ports;
import dev.newsdigest.support.TaxiiClient;
import org.junit.jupiter.api.Test;

/**
 * HTTPS as docs/taxii.md sets it up, with Camel's own keys only: {@code camel.ssl.*} (a PKCS#12 key store made by
 * keytool here) and {@code camel.server.useGlobalSslContextParameters=true}. A client that trusts the certificate reads
 * over TLS 1.2 and 1.3 (TAXII 2.1 requires 1.2 and recommends 1.3); plain HTTP gets no answer.
 */
class TaxiiTlsTest extends PipelineTestSupport {
    private static final String STORE_PASSWORD = "keystore-pass-for-tests";

    private final int port = Ports.freeOutsideEphemeralRange();
    private final Path keyStore = work.resolve("taxii.p12");

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        makeKeyStore();
        p.put("digest.taxii.enabled", "true");
        p.put("digest.taxii.port", Integer.toString(port));
        p.put("digest.taxii.token", "tls-token");
        p.put("camel.ssl.enabled", "true");
        p.put("camel.ssl.keyStore", "file:" + keyStore);
        p.put("camel.ssl.keystorePassword", STORE_PASSWORD);
        p.put("camel.server.useGlobalSslContextParameters", "true");
        return p;
    }

    /** A self-signed certificate for localhost, as an operator would make one with keytool. */
    private void makeKeyStore() {
        if (Files.exists(keyStore)) {
            return;
        }
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        try {
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "taxii", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-validity", "30", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpClient trusting(String protocol) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            trusted.load(in, STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        SSLParameters only = new SSLParameters();
        only.setProtocols(new String[] {protocol});
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).sslParameters(only).build();
    }

    @Test
    void theServerAnswersOverTls12And13AndNotInPlainHttp() throws Exception {
        for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
            TaxiiClient client = TaxiiClient.of(trusting(protocol), "https://localhost:" + port).bearer("tls-token");
            TaxiiClient.Answer discovery = client.get("/taxii2/");
            assertThat(discovery.status()).as(protocol).isEqualTo(200);
            assertThat(discovery.json().path("api_roots").get(0).asText()).isEqualTo("/taxii2/root/");
            assertThat(discovery.response().sslSession()).get().extracting(s -> s.getProtocol()).isEqualTo(protocol);
        }
        TaxiiClient plain = TaxiiClient.of("http://127.0.0.1:" + port).bearer("tls-token");
        assertThatThrownBy(() -> plain.get("/taxii2/")).isInstanceOf(UncheckedIOException.class);
    }
}
