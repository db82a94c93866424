package dev.newsdigest.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the bundled demo feeds and pages ({@code src/main/resources/demo}) on a local port, with entry dates
 * relative to now, so that {@code --demo} needs no network. Its state lives in a fresh temporary folder, so
 * every demo run produces a digest.
 */
public final class DemoServer implements AutoCloseable {
    private static final Pattern HOURS_AGO = Pattern.compile("\\{\\{(rfc822|iso):(\\d+)}}");

    private final HttpServer server;
    private final String base;
    private final Path stateDir;

    private DemoServer(HttpServer server, Path stateDir) {
        this.server = server;
        this.base = "http://127.0.0.1:" + server.getAddress().getPort();
        this.stateDir = stateDir;
    }

    public static DemoServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoServer demo = new DemoServer(server, Files.createTempDirectory("news-digest-demo"));
        server.createContext("/", demo::serve);
        server.start();
        return demo;
    }

    /** The settings that point the application at the demo data. */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("digest.feeds", "demo-news,demo-incidents");
        s.put("digest.feed.demo-news.url", base + "/feeds/news.xml");
        s.put("digest.feed.demo-news.section", "news");
        s.put("digest.feed.demo-incidents.url", base + "/feeds/incidents.rdf");
        s.put("digest.feed.demo-incidents.section", "incidents");
        s.put("digest.feed.demo-incidents.include", "流出|漏洩|漏えい|不正アクセス|ランサム|侵害|感染|被害");
        s.put("digest.fetch.allow-private-addresses", "true");
        // the demo makes no request beyond this machine: NVD, EPSS, KEV and MyJVN are not asked
        s.put("digest.cve.enabled", "false");
        s.put("digest.state.dir", stateDir.toString());
        return s;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (InputStream in = path.contains("..") ? null : DemoServer.class.getResourceAsStream("/demo" + path)) {
            if (in == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = fill(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            String type = path.endsWith(".html") ? "text/html; charset=utf-8"
                    : path.endsWith(".rdf") ? "application/rdf+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    private String fill(String template) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        Matcher m = HOURS_AGO.matcher(template.replace("{{base}}", base));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            ZonedDateTime at = now.minusHours(Long.parseLong(m.group(2)));
            String value = m.group(1).equals("rfc822")
                    ? DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH).format(at)
                    : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.withZoneSameInstant(ZoneOffset.ofHours(9)));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
