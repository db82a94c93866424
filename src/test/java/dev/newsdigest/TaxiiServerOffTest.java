package dev.newsdigest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.newsdigest.cli.Launch;
import dev.newsdigest.support.Ports;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TAXII server runs in continuous mode only: a single run ({@code --once}, and {@code resend}, which start Camel
 * Main with {@link Launch#ONCE}) does not even load its route nor start Camel's HTTP server, and
 * {@code digest.taxii.enabled=false} keeps both off in continuous mode. ({@code status} starts no Camel at all.)
 */
class TaxiiServerOffTest {
    @TempDir
    Path work;

    private final int port = Ports.freeOutsideEphemeralRange();

    /** The application's Camel Main with the shipped settings, no schedule and nothing reached outside this machine. */
    private Main start(Map<String, String> mode) throws Exception {
        Map<String, String> p = new LinkedHashMap<>(mode);
        p.put("digest.daemon", "false"); // no poll timer, no close cron: nothing polls the shipped feeds
        p.put("camel.management.enabled", "false");
        p.put("digest.cve.enabled", "false");
        p.put("digest.state.dir", work.resolve("state").toString());
        p.put("digest.output.dir", work.resolve("out").toString());
        p.put("digest.taxii.port", Integer.toString(port));
        Main main = Launch.newMain(p);
        main.start();
        return main;
    }

    private boolean listening() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void aSingleRunNeitherLoadsTheRouteNorStartsTheServer() throws Exception {
        Main main = start(Launch.ONCE);
        try {
            assertThat(main.getCamelContext().getRoute("taxii-server")).isNull();
            assertThat(main.getCamelContext().getRoute("run-once")).isNotNull();
            assertThat(listening()).isFalse();
        } finally {
            main.stop();
        }
    }

    @Test
    void continuousModeWithTaxiiDisabledKeepsTheRouteStoppedAndThePortClosed() throws Exception {
        Main main = start(Map.of("digest.taxii.enabled", "false"));
        try {
            assertThat(main.getCamelContext().getRouteController().getRouteStatus("taxii-server")).isEqualTo(ServiceStatus.Stopped);
            assertThat(listening()).isFalse();
        } finally {
            main.stop();
        }
    }

    @Test
    void continuousModeServesOnTheConfiguredPort() throws Exception {
        Main main = start(Map.of());
        try {
            assertThat(main.getCamelContext().getRouteController().getRouteStatus("taxii-server")).isEqualTo(ServiceStatus.Started);
            assertThat(listening()).isTrue();
        } finally {
            main.stop();
        }
        assertThat(listening()).isFalse();
    }
}
