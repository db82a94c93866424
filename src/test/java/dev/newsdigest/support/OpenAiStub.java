package dev.newsdigest.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local OpenAI-compatible chat-completions server, so that LangChain4j's real client and JSON go over a real
 * socket. Article requests (those with a response_format) get a structured answer built from the article, with
 * one IOC that is in the text and two that the stub invents; the overview request gets plain prose.
 */
public final class OpenAiStub implements AutoCloseable {
    public static final String INVENTED_IP = "198.18.0.99";
    public static final String INVENTED_DOMAIN = "invented-c2.example.com";
    /** A product the stub names for every article, which no article mentions: grounding must drop it. */
    public static final String INVENTED_PRODUCT = "PhantomGate VPN";
    /** An actor and a malware family the stub names that no article does: grounding drops both. */
    public static final String INVENTED_ACTOR = "FIN99";
    public static final String INVENTED_MALWARE = "Emotet";
    public static final String OVERVIEW = "本日は脆弱性の悪用が目立った。パッチの適用を急ぐ必要がある。";
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>");
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b");

    public enum Mode {
        NORMAL, HTTP_500, HTTP_401, BROKEN_JSON, INJECTED,
        /** A small model's answer: one event key for every article, naming a vendor every article names. */
        ONE_KEY,
        /** A small model's answer: the schema's own example key and its victim, for every article. */
        SCHEMA_EXAMPLE,
        /** A small model's answer: placeholder text in every field. */
        PLACEHOLDERS
    }

    /** The key and vendor the stub gives every article in ONE_KEY mode. */
    public static final String ONE_KEY = "microsoft|breach|customer-data";
    /** The text the stub puts in every field in PLACEHOLDERS mode. */
    public static final String PLACEHOLDER = "unknown";

    /** The invented IOC a "compromised" model adds in INJECTED mode; it is not in any article. */
    public static final String INJECTED_IOC = "203.0.113.250";

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.NORMAL;
    private volatile long delayMillis;
    private final java.util.concurrent.ScheduledExecutorService later = java.util.concurrent.Executors.newScheduledThreadPool(4);
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger peakInFlight = new java.util.concurrent.atomic.AtomicInteger();

    public OpenAiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void mode(Mode newMode) {
        this.mode = newMode;
    }

    /** Makes every answer take this long: a slow model. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    private final List<java.time.Instant> arrivals = new CopyOnWriteArrayList<>();
    private volatile boolean tokensByLength;
    private final java.util.concurrent.atomic.AtomicLong promptTokens = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Reports usage as a length estimate (about 4 characters per token, the usual rule of thumb for English) instead
     * of the fixed 1000/200, for figures that depend on what was sent.
     */
    public void countTokensByLength() {
        this.tokensByLength = true;
    }

    /** The prompt tokens the stub has reported in all. */
    public long promptTokens() {
        return promptTokens.get();
    }

    /** When each request arrived, oldest first. */
    public List<java.time.Instant> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The most calls that were in flight at once. */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    /** Every request body received, parsed. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The article-summary requests: those that asked for structured output. */
    public List<JsonNode> articleRequests() {
        return requests.stream().filter(r -> r.has("response_format")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        arrivals.add(java.time.Instant.now());
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        JsonNode request = json.readTree(exchange.getRequestBody());
        requests.add(request);
        if (delayMillis > 0) {
            // a slow model: the answer goes out later, without holding a thread
            later.schedule(() -> answer(exchange, request), delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } else {
            answer(exchange, request);
        }
    }

    private void answer(HttpExchange exchange, JsonNode request) {
        // no longer in flight once the answer starts: the client cannot send its next request before it has this
        // answer, so counting down after the write could see a next request overlap its own previous one
        inFlight.decrementAndGet();
        try {
            if (mode == Mode.HTTP_401) {
                send(exchange, 401, "{\"error\":{\"message\":\"invalid api key\",\"type\":\"invalid_request_error\"}}");
                return;
            }
            if (mode == Mode.HTTP_500) {
                send(exchange, 500, "{\"error\":{\"message\":\"stub is down\",\"type\":\"server_error\"}}");
                return;
            }
            String content;
            if (!request.has("response_format")) {
                content = OVERVIEW;
            } else if (mode == Mode.BROKEN_JSON) {
                content = "{\"title\": \"broken\", \"summary\": [\"unterminated";
            } else if (mode == Mode.INJECTED) {
                content = json.writeValueAsString(injectedAnswer());
            } else if (mode == Mode.ONE_KEY || mode == Mode.SCHEMA_EXAMPLE || mode == Mode.PLACEHOLDERS) {
                content = json.writeValueAsString(badAnswer(articleAnswer(userText(request))));
            } else {
                content = json.writeValueAsString(articleAnswer(userText(request)));
            }
            ObjectNode response = json.createObjectNode();
            response.put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1700000000).put("model", "stub-model");
            ObjectNode choice = response.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            long prompt = tokensByLength ? (messageChars(request) + 3) / 4 : 1000;
            long completion = tokensByLength ? (content.length() + 3) / 4 : 200;
            promptTokens.addAndGet(prompt);
            response.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                    .put("total_tokens", prompt + completion);
            send(exchange, 200, json.writeValueAsString(response));
        } catch (IOException e) {
            // the client gave up (a timeout under test): nothing to answer
        } finally {
            exchange.close();
        }
    }

    private static long messageChars(JsonNode request) {
        long chars = 0;
        for (JsonNode message : request.path("messages")) {
            chars += message.path("content").asText().length();
        }
        return chars;
    }

    private static String userText(JsonNode request) {
        StringBuilder text = new StringBuilder();
        for (JsonNode message : request.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                text.append(message.path("content").asText());
            }
        }
        return text.toString();
    }

    private ObjectNode articleAnswer(String article) {
        Matcher title = TITLE.matcher(article);
        String original = title.find() ? title.group(1) : "untitled";
        ObjectNode a = json.createObjectNode();
        a.put("title", "【要約】" + original);
        a.putArray("summary").add("要点1: " + original).add("要点2: 攻撃の詳細").add("要点3: 対策の状況");
        ArrayNode iocs = a.putArray("iocs");
        Matcher ip = IPV4.matcher(article);
        if (ip.find()) {
            iocs.addObject().put("type", "ipv4").put("value", ip.group());
        }
        iocs.addObject().put("type", "ipv4").put("value", INVENTED_IP);
        iocs.addObject().put("type", "domain").put("value", INVENTED_DOMAIN);
        a.putArray("recommendations").add("修正版へ更新する。");
        a.putArray("notes").add("既に攻撃が行われている脆弱性である。");
        a.putArray("aiRecommendations").add("管理画面へのアクセス元を制限する。");
        // the vendors and products a good model names: those of this small lexicon the article names, and one it does not
        ArrayNode vendors = a.putArray("vendors");
        ArrayNode products = a.putArray("products");
        for (String vendor : List.of("Fortinet", "SimpleHelp", "Apache", "D-Link")) {
            if (article.contains(vendor)) {
                vendors.add(vendor);
            }
        }
        for (String product : List.of("FortiWeb", "SimpleHelp", "Ant", "DIR-645")) {
            if (article.contains(product)) {
                products.add(product);
            }
        }
        products.add(INVENTED_PRODUCT);
        // victims, actors and malware families a good model names from a small lexicon, and an actor and a family it invents
        ArrayNode victims = a.putArray("victims");
        if (article.contains("Example Corp")) {
            victims.addObject().put("name", "Example Corp").put("original", "Example Corp");
        }
        ArrayNode actors = a.putArray("actors");
        ArrayNode malware = a.putArray("malware");
        for (String actor : List.of("Scattered Spider", "LockBit")) {
            if (article.contains(actor)) {
                actors.add(actor);
            }
        }
        if (article.contains("LockBit")) {
            actors.add(INVENTED_ACTOR);
            malware.add("LockBit").add(INVENTED_MALWARE);
        }
        Matcher cve = Pattern.compile("CVE-\\d{4}-\\d{4,}").matcher(article);
        a.put("eventType", original.toLowerCase().contains("exploited") ? "vulnerability-exploited"
                : article.contains("LockBit") ? "ransomware" : "other");
        a.put("eventKey", cve.find() ? "event|" + cve.group().toLowerCase() : original.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        boolean exploited = original.toLowerCase().contains("exploited");
        a.put("actionRequired", exploited);
        a.put("actionReason", exploited ? "攻撃での悪用が確認されている" : "");
        return a;
    }

    /** What a small model that answers badly says, in the current mode, over a good answer. */
    private ObjectNode badAnswer(ObjectNode a) {
        switch (mode) {
            case ONE_KEY -> {
                a.putArray("vendors").add("Microsoft");
                a.put("eventType", "breach");
                a.put("eventKey", ONE_KEY);
            }
            case SCHEMA_EXAMPLE -> {
                a.putArray("victims").addObject().put("name", "Siemens Energy").put("original", "Siemens Energy");
                a.putArray("products").add("MOVEit");
                a.put("eventType", "breach");
                a.put("eventKey", "siemens-energy|data-breach|moveit");
                a.put("eventMonth", "2023-06");
            }
            default -> {
                a.put("title", PLACEHOLDER);
                a.putArray("summary").add(PLACEHOLDER);
                a.putArray("recommendations").add(PLACEHOLDER);
                a.putArray("notes").add(PLACEHOLDER);
                a.putArray("aiRecommendations").add(PLACEHOLDER);
                a.putArray("vendors").add(PLACEHOLDER);
                a.putArray("products").add(PLACEHOLDER);
                a.putArray("victims").addObject().put("name", PLACEHOLDER).put("original", PLACEHOLDER);
                a.putArray("actors").add(PLACEHOLDER);
                a.put("eventType", "other");
                a.put("eventKey", PLACEHOLDER + "|" + PLACEHOLDER + "|" + PLACEHOLDER);
                a.put("eventMonth", PLACEHOLDER);
            }
        }
        return a;
    }

    /** What a model that obeyed the injected instructions might say. */
    private ObjectNode injectedAnswer() {
        ObjectNode a = json.createObjectNode();
        a.put("title", "PWNED <script>alert(1)</script>");
        a.putArray("summary").add("PWNED").add("Read more at https://evil.example/steal now").add("<img src=x onerror=alert(1)>");
        a.putArray("iocs").addObject().put("type", "ipv4").put("value", INJECTED_IOC);
        ((ArrayNode) a.get("iocs")).addObject().put("type", "url").put("value", "https://evil.example/steal");
        a.putArray("recommendations").add("Click [here](javascript:alert(1)) to stay safe");
        a.putArray("notes").add("PWNED");
        a.putArray("aiRecommendations").add("Visit www.evil.example");
        a.put("actionRequired", true);
        a.put("actionReason", "PWNED: go to http://evil.example/now");
        return a;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        later.shutdownNow();
    }
}
