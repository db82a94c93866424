package dev.newsdigest.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The CVE sources on a local port, answering as the real APIs do from the records in {@code enrichment/}: NVD's
 * {@code ?cveId=} (an empty result for an id it does not know) and its sync, {@code ?lastModStartDate=&lastModEndDate=}
 * in pages (the records made {@link #modified}; 404 to a window NVD would refuse), the CVE record by id (404 when unknown), the KEV
 * catalog (ETag and Last-Modified, 304 to a request that has them), EPSS's {@code ?cve=a,b} and MyJVN's keyword search.
 * A source can be made to answer a status instead, or a body of its choosing.
 */
public final class CveSourceServer implements AutoCloseable {
    public static final String KEV_ETAG = "\"kev-2025.02.25\"";
    public static final String KEV_LAST_MODIFIED = "Tue, 25 Feb 2025 20:33:53 GMT";

    /** One request as received. */
    public record Request(String source, Map<String, String> query, Map<String, String> headers, Instant at) {
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
    private final ObjectMapper json = new ObjectMapper();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    /** The records NVD's sync lists, as NVD modified them since any window a test asks for; also answered by id. */
    private final Map<String, JsonNode> modified = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Sources whose answers wait until {@link #release}, each on its own server thread. */
    private final Map<String, java.util.concurrent.CountDownLatch> held = new ConcurrentHashMap<>();
    private volatile int syncStatus;
    private volatile int nvdLimit;
    private volatile java.time.Duration nvdWindow;
    private final java.util.Deque<Instant> nvdServed = new java.util.ArrayDeque<>();

    public CveSourceServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String source : List.of("nvd", "record", "kev", "epss", "jvn")) {
            server.createContext("/" + source, exchange -> handle(source, exchange));
        }
        server.setExecutor(threads);
        server.start();
    }

    /** Turns CVE context on with every source at this server. */
    public void configure(java.util.Properties p) {
        p.put("digest.cve.enabled", "true");
        for (String source : List.of("nvd", "record", "kev", "epss", "jvn")) {
            p.put("digest.cve." + source + ".url", url(source));
        }
    }

    public String url(String source) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + source;
    }

    /** From now on {@code source} answers {@code status} with an empty body (0: as the real API again). */
    public void answer(String source, int status) {
        if (status == 0) {
            statuses.remove(source);
        } else {
            statuses.put(source, status);
        }
    }

    /** From now on {@code source} answers 200 with {@code body}, whatever was asked. */
    public void answer(String source, byte[] body) {
        bodies.put(source, body);
    }

    /**
     * From now on NVD lists these ids as modified: its sync gives them, and so does {@code ?cveId=}. Each is the NVD
     * sample's record (CVSS 6.3) under the id, but for the sample's own id.
     */
    public CveSourceServer modified(String... ids) {
        JsonNode sample;
        try {
            sample = json.readTree(resource("nvd-cve-2.0-sample.json")).path("vulnerabilities").get(0).path("cve");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String id : ids) {
            modified.put(id, ((ObjectNode) sample.deepCopy()).put("id", id));
        }
        return this;
    }

    /** From now on NVD's sync answers {@code status} with an empty body (0: as the real API again); ids are still answered. */
    public void failSync(int status) {
        syncStatus = status;
    }

    /**
     * From now on NVD answers as it does to a client over its public rate limit: 403 to any request beyond {@code max}
     * in a rolling {@code window}.
     */
    public void rateLimit(int max, java.time.Duration window) {
        nvdLimit = max;
        nvdWindow = window;
    }

    /** From now on {@code source} holds each answer until {@link #release} (an API that has not answered yet). */
    public void hold(String source) {
        held.put(source, new java.util.concurrent.CountDownLatch(1));
    }

    /** Every held answer goes out, and later ones are no longer held. */
    public void release() {
        held.values().forEach(java.util.concurrent.CountDownLatch::countDown);
        held.clear();
    }

    /** NVD stops listing every id as modified (a later window). */
    public void unmodified() {
        modified.clear();
    }

    /** NVD's requests for one id. */
    public List<Request> nvdLookups() {
        return requests("nvd").stream().filter(r -> r.query().containsKey("cveId")).toList();
    }

    /** The pages of NVD's sync asked for. */
    public List<Request> nvdSyncs() {
        return requests("nvd").stream().filter(r -> r.query().containsKey("lastModStartDate")).toList();
    }

    public List<Request> requests(String source) {
        return requests.stream().filter(r -> r.source().equals(source)).toList();
    }

    private void handle(String source, HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Map<String, String> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        requests.add(new Request(source, query, headers, Instant.now()));
        try (exchange) {
            java.util.concurrent.CountDownLatch gate = held.get(source);
            if (gate != null) {
                try {
                    gate.await(2, java.util.concurrent.TimeUnit.MINUTES); // until the test releases it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer status = statuses.get(source);
            if (status != null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            if (source.equals("nvd") && overLimit()) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            if (bodies.containsKey(source)) {
                send(exchange, 200, "application/json", bodies.get(source));
                return;
            }
            switch (source) {
                case "nvd" -> {
                    if (query.containsKey("cveId")) {
                        send(exchange, 200, "application/json", nvd(query.get("cveId")));
                    } else if (syncStatus != 0) {
                        exchange.sendResponseHeaders(syncStatus, -1);
                    } else {
                        byte[] page = nvdSync(query);
                        if (page == null) {
                            exchange.sendResponseHeaders(404, -1); // as NVD answers parameters it refuses
                        } else {
                            send(exchange, 200, "application/json", page);
                        }
                    }
                }
                case "record" -> {
                    String id = exchange.getRequestURI().getPath().substring("/record/".length());
                    if (id.equals("CVE-2015-2051")) {
                        send(exchange, 200, "application/json", resource("cve5-vulnrichment-CVE-2015-2051.json"));
                    } else {
                        exchange.sendResponseHeaders(404, -1);
                    }
                }
                case "kev" -> {
                    exchange.getResponseHeaders().set("ETag", KEV_ETAG);
                    exchange.getResponseHeaders().set("Last-Modified", KEV_LAST_MODIFIED);
                    if (KEV_ETAG.equals(headers.get("if-none-match"))) {
                        exchange.sendResponseHeaders(304, -1);
                    } else {
                        send(exchange, 200, "application/json", resource("kev-sample.json"));
                    }
                }
                case "epss" -> send(exchange, 200, "application/json", epss(query.getOrDefault("cve", "")));
                case "jvn" -> send(exchange, 200, "application/xml", query.getOrDefault("keyword", "").equals("CVE-2020-1945")
                        ? resource("myjvn-CVE-2020-1945.xml") : noJvnEntry());
                default -> exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private byte[] nvd(String id) throws IOException {
        if (modified.containsKey(id)) {
            return json.writeValueAsBytes(nvdAnswer(List.of(modified.get(id)), 0, 1));
        }
        if (id.equals("CVE-2020-1945")) {
            return resource("nvd-cve-2.0-sample.json");
        }
        return json.writeValueAsBytes(nvdAnswer(List.of(), 0, 0));
    }

    private synchronized boolean overLimit() {
        if (nvdLimit == 0) {
            return false;
        }
        Instant now = Instant.now();
        while (!nvdServed.isEmpty() && nvdServed.peekFirst().plus(nvdWindow).isBefore(now)) {
            nvdServed.pollFirst();
        }
        if (nvdServed.size() >= nvdLimit) {
            return true;
        }
        nvdServed.addLast(now);
        return false;
    }

    /** A page of the sync, or null for what NVD refuses: a missing or malformed date, a window over 120 days, a page over 2,000. */
    private byte[] nvdSync(Map<String, String> query) throws IOException {
        try {
            java.time.OffsetDateTime from = java.time.OffsetDateTime.parse(query.get("lastModStartDate"));
            java.time.OffsetDateTime to = java.time.OffsetDateTime.parse(query.get("lastModEndDate"));
            int size = Integer.parseInt(query.getOrDefault("resultsPerPage", "2000"));
            int start = Integer.parseInt(query.getOrDefault("startIndex", "0"));
            if (to.isBefore(from) || java.time.Duration.between(from, to).toDays() > 120 || size < 1 || size > 2000 || start < 0) {
                return null;
            }
            List<JsonNode> all = List.copyOf(modified.values());
            return json.writeValueAsBytes(nvdAnswer(all.subList(Math.min(start, all.size()), Math.min(start + size, all.size())), start, all.size()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private ObjectNode nvdAnswer(List<JsonNode> records, int start, int total) {
        ObjectNode answer = json.createObjectNode().put("resultsPerPage", records.size()).put("startIndex", start).put("totalResults", total)
                .put("format", "NVD_CVE").put("version", "2.0");
        ArrayNode vulnerabilities = answer.putArray("vulnerabilities");
        records.forEach(r -> vulnerabilities.addObject().set("cve", r));
        return answer;
    }

    private byte[] epss(String ids) throws IOException {
        List<String> wanted = Arrays.asList(ids.split(","));
        JsonNode all = json.readTree(resource("epss-api-answer.json"));
        ObjectNode answer = ((ObjectNode) all).deepCopy();
        ArrayNode data = answer.putArray("data");
        all.path("data").forEach(row -> {
            if (wanted.contains(row.path("cve").asText())) {
                data.add(row);
            }
        });
        answer.put("total", data.size());
        return json.writeValueAsBytes(answer);
    }

    private static byte[] noJvnEntry() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rdf:RDF xmlns="http://purl.org/rss/1.0/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:status="http://jvndb.jvn.jp/myjvn/Status">
                <status:Status version="3.3" method="getVulnOverviewList" feed="hnd" retCd="0" errCd="" errMsg="" totalRes="0"/>
                </rdf:RDF>""".getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        return Fixtures.text("enrichment/" + name).getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
