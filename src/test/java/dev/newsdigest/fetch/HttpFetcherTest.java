package dev.newsdigest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.newsdigest.support.WebServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpFetcherTest {

    @Test
    void refusedConnectionsGiveTheirPoolSlotBackSoTheNextRequestsAreRefusedForTheSameReason() throws Exception {
        InetAddress inside = InetAddress.getByName("127.0.0.2");
        try (WebServer internal = new WebServer("127.0.0.2"); WebServer news = new WebServer();
             HttpFetcher http = new HttpFetcher(new AddressGuard(false, inside::equals), Set.of(), Duration.ofSeconds(5), 1000,
                     "test", Optional.empty())) {
            internal.serve("/x", 200, "text/html", "secret");
            news.serve("/ok", 200, "text/html", "fine");
            // more refusals than the pool has connections per route: a leaked lease would turn later ones into pool timeouts
            for (int i = 0; i < 50; i++) {
                assertThatThrownBy(() -> http.get(URI.create(internal.url("/x")), Map.of(), Long.MAX_VALUE, t -> true, HttpFetcher.Hops.NONE))
                        .isInstanceOf(FetchException.class).hasMessage("refused internal address 127.0.0.2 for 127.0.0.2");
            }
            assertThat(internal.requests("/x")).isEmpty();
            HttpFetcher.Response ok = http.get(URI.create(news.url("/ok")), Map.of(), Long.MAX_VALUE, t -> true, HttpFetcher.Hops.NONE);
            assertThat(new String(ok.body())).isEqualTo("fine");
        }
    }

    @Test
    void aBodyOverTheCapIsCutOffAndMarkedTruncated() throws Exception {
        try (WebServer web = new WebServer();
             HttpFetcher http = new HttpFetcher(new AddressGuard(true), Set.of(), Duration.ofSeconds(5), 1000, "test", Optional.empty())) {
            web.stream("/big", "text/html", "<html>", 50L << 20, 8192, 0);
            HttpFetcher.Response r = http.get(URI.create(web.url("/big")), Map.of(), Long.MAX_VALUE, t -> true, HttpFetcher.Hops.NONE);
            assertThat(r.body()).hasSize(1000);
            assertThat(r.truncated()).isTrue();
            assertThat(web.bytesSent("/big")).isLessThan(10L << 20);
        }
    }
}
