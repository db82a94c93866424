package dev.newsdigest;

import dev.newsdigest.config.IntelSettings;
import dev.newsdigest.config.Settings;
import dev.newsdigest.intel.IntelAccess;
import dev.newsdigest.intel.TaxiiApi;
import dev.newsdigest.state.StateStore;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;

import static dev.newsdigest.Beans.bind;

/**
 * The TAXII server's beans (routes/taxii.camel.yaml): the access check every request passes first, the TAXII API that
 * answers from the state, the MISP feed, the archive site's files, and the platform-http engine that ties the route to Camel's own HTTP server.
 */
final class TaxiiBeans {
    /** {@code camel.server.maxBodySize} when it is not set: what the API root gives as {@code max_content_length}. */
    private static final long MAX_BODY = 65_536;

    private TaxiiBeans() {
    }

    static void configure(CamelContext context, Settings settings, StateStore store) {
        IntelSettings intel = settings.intel();
        long maxBody = context.getPropertiesComponent().resolveProperty("camel.server.maxBodySize").map(Long::parseLong).orElse(MAX_BODY);
        bind(context, "intelAccess", new IntelAccess(intel));
        bind(context, "taxiiApi", new TaxiiApi(store.taxii(), intel.producer(), settings.tlp(), maxBody));
        bind(context, "mispFeedApi", new dev.newsdigest.intel.MispFeedApi(store.intel(), intel.misp()));
        bind(context, "siteFiles", new dev.newsdigest.site.SiteFiles(settings.outputDir().resolve("site"), settings.site()));
        bind(context, "platform-http-engine", new ServerEngine(intel.port()));
    }

    /**
     * Camel's platform-http engine, on the server {@code camel.server.*} starts. Camel 4.17's own engine finds its
     * server by type, and with the management server ({@code camel.management.*}) running beside it there are two:
     * it then falls back to port 8080 and the TAXII route fails to start ("No PlatformHttpEngine created and setup in
     * registry with name: platform-http-router-8080"). This one names the TAXII server's port, which is also the name
     * under which that server registers its router.
     */
    private static final class ServerEngine extends VertxPlatformHttpEngine {
        private final int port;

        ServerEngine(int port) {
            this.port = port;
        }

        @Override
        public int getServerPort() {
            return port;
        }
    }
}
