package dev.newsdigest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/**
 * The Apache HttpClient under an {@link HttpFetcher}: it connects only to addresses the guard allowed when it resolved
 * them ({@link GuardedDnsResolver}), gives each step the timeout, and follows no redirect, retries nothing and keeps
 * no cookie (the fetcher and the routes do each of these themselves).
 */
final class GuardedClients {
    private GuardedClients() {
    }

    static CloseableHttpClient build(AddressGuard guard, Set<String> trustedHosts, Duration timeout, String userAgent, Optional<URI> proxy) {
        Timeout perStep = Timeout.of(timeout);
        var builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(guard, trustedHosts))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(perStep).setSocketTimeout(perStep).build())
                        .setMaxConnTotal(200)
                        .setMaxConnPerRoute(20)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(perStep)
                        .setConnectionRequestTimeout(perStep).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(userAgent);
        proxy.ifPresent(p -> builder.setProxy(new HttpHost(p.getScheme() == null ? "http" : p.getScheme(), p.getHost(), p.getPort())));
        return builder.build();
    }
}
