package dev.newsdigest.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.newsdigest.config.Settings;
import dev.newsdigest.observe.StatusReport;
import dev.newsdigest.support.HostileServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Requests under way are listed with their kind, host and age, and a stop cuts them off and refuses new ones. */
class InFlightTest {
    @Test
    void aDrippingRequestIsListedAndAStopCutsItOffAndRefusesTheNext() throws Exception {
        InFlight inFlight = new InFlight(Clock.systemUTC());
        try (HostileServer hostile = new HostileServer().hostile("/nvd", HostileServer.Mode.DRIP);
             HttpFetcher http = new HttpFetcher(new AddressGuard(true), new Limits("cve", Duration.ofMinutes(10), 1000, Set.of(), "digest.cve"),
                     "test", Optional.empty(), inFlight)) {
            URI uri = URI.create(hostile.url("/nvd/x"));
            CompletableFuture<HttpFetcher.Response> pending = CompletableFuture.supplyAsync(
                    () -> http.get(uri, Map.of(), Long.MAX_VALUE, t -> true, HttpFetcher.Hops.NONE));
            await().until(() -> !inFlight.list().isEmpty());
            assertThat(inFlight.list()).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo("cve");
                assertThat(r.method()).isEqualTo("GET");
                assertThat(r.host()).isEqualTo("127.0.0.1");
            });

            inFlight.abortAll("the process is stopping");
            assertThatThrownBy(() -> pending.get(1, TimeUnit.MINUTES)).hasRootCauseInstanceOf(FetchException.class)
                    .rootCause().hasMessage("aborted: the process is stopping");
            assertThat(inFlight.list()).isEmpty();
            assertThatThrownBy(() -> http.get(uri, Map.of(), Long.MAX_VALUE, t -> true, HttpFetcher.Hops.NONE))
                    .isInstanceOf(FetchException.class).hasMessage("not sent: the process is stopping");
        }
    }
}
