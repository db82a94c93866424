package dev.newsdigest.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Local stand-ins for the three chat webhooks, each checking a request as its service does and refusing the rest:
 * {@code /slack/...} (an incoming webhook: 200 "ok"; 400 "invalid_blocks" or "no_text"), {@code /teams/...} (a Workflows
 * webhook: 202; 400 with the reason) and {@code /discord/...} (execute webhook: 204; 400 with Discord's JSON error).
 * Every one wants POST and {@code Content-Type: application/json}. Accepted and refused requests are both recorded; a
 * path can be told to answer a status first ({@link #queue}), as a service that is down.
 */
public final class ChatEmulator implements AutoCloseable {
    /** A request as received, and what the emulator made of it: null when valid, else the reason it was refused. */
    public record Request(String path, String method, String contentType, String body, String refusal) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SLACK_BLOCKS = Set.of("header", "section", "context", "divider", "actions", "image", "rich_text");
    private static final Set<String> CARD_KEYS = Set.of("type", "version", "refresh", "authentication", "body", "actions", "selectAction",
            "fallbackText", "backgroundImage", "minHeight", "rtl", "speak", "lang", "verticalContentAlignment", "$schema");
    private static final Set<String> TEXTBLOCK_KEYS = Set.of("type", "text", "color", "fontType", "horizontalAlignment", "isSubtle",
            "maxLines", "size", "weight", "wrap", "style", "fallback", "height", "separator", "spacing", "id", "isVisible", "requires");

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> queued = new ConcurrentHashMap<>();

    public ChatEmulator() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of a webhook of {@code kind} (slack, teams, discord) under a secret-looking path. */
    public String url(String kind, String secret) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + kind + "/" + secret;
    }

    /** The next requests to a kind's paths are answered with these statuses, in order, before it checks anything. */
    public ChatEmulator queue(String kind, int... statuses) {
        Deque<Integer> q = queued.computeIfAbsent(kind, k -> new ArrayDeque<>());
        for (int s : statuses) {
            q.add(s);
        }
        return this;
    }

    /** Every request to a kind's paths, in order. */
    public List<Request> requests(String kind) {
        return requests.stream().filter(r -> r.path().startsWith("/" + kind + "/")).toList();
    }

    /** The requests to a kind's paths that were accepted. */
    public List<Request> accepted(String kind) {
        return requests(kind).stream().filter(r -> r.refusal() == null).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String kind = path.split("/").length > 1 ? path.split("/")[1] : "";
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Deque<Integer> q = queued.get(kind);
        Integer forced = q == null ? null : q.poll();
        if (forced != null) {
            requests.add(new Request(path, exchange.getRequestMethod(), contentType, body, "queued " + forced));
            answer(exchange, forced, "text/plain", "forced");
            return;
        }
        String refusal = check(kind, exchange.getRequestMethod(), contentType, body);
        requests.add(new Request(path, exchange.getRequestMethod(), contentType, body, refusal));
        switch (kind) {
            case "slack" -> answer(exchange, refusal == null ? 200 : 400, "text/plain", refusal == null ? "ok"
                    : refusal.startsWith("no_text") ? "no_text" : "invalid_blocks");
            case "teams" -> answer(exchange, refusal == null ? 202 : 400, "application/json", refusal == null ? ""
                    : JSON.createObjectNode().put("error", refusal).toString());
            case "discord" -> answer(exchange, refusal == null ? 204 : 400, "application/json", refusal == null ? ""
                    : JSON.createObjectNode().put("code", 50035).put("message", "Invalid Form Body").put("detail", refusal).toString());
            default -> answer(exchange, 404, "text/plain", "no such webhook");
        }
    }

    /** Why the service would refuse this request, or null. */
    public static String check(String kind, String method, String contentType, String body) {
        if (!"POST".equals(method)) {
            return "method " + method;
        }
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).matches("application/json\\s*(;.*)?")) {
            return "content type " + contentType;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return "not JSON";
        }
        if (json == null || !json.isObject()) {
            return "not a JSON object";
        }
        return switch (kind) {
            case "slack" -> slack(json);
            case "teams" -> teams(json);
            case "discord" -> discord(json);
            default -> "unknown kind";
        };
    }

    static String slack(JsonNode m) {
        JsonNode blocks = m.get("blocks");
        if ((m.path("text").asText("").isBlank()) && (blocks == null || blocks.isEmpty())) {
            return "no_text";
        }
        if (blocks == null) {
            return null;
        }
        if (!blocks.isArray() || blocks.size() > 50) {
            return "blocks: not an array of at most 50";
        }
        for (JsonNode b : blocks) {
            String type = b.path("type").asText();
            if (!SLACK_BLOCKS.contains(type)) {
                return "block type " + type;
            }
            if (type.equals("header")) {
                JsonNode t = b.path("text");
                if (!t.path("type").asText().equals("plain_text") || t.path("text").asText("").isEmpty() || length(t.path("text").asText()) > 150) {
                    return "header: plain_text of 1 to 150 characters";
                }
            }
            if (type.equals("section")) {
                JsonNode t = b.path("text");
                if (!Set.of("mrkdwn", "plain_text").contains(t.path("type").asText()) || t.path("text").asText("").isEmpty()
                        || length(t.path("text").asText()) > 3000) {
                    return "section: text of 1 to 3000 characters";
                }
            }
            if (type.equals("context")) {
                JsonNode e = b.path("elements");
                if (!e.isArray() || e.isEmpty() || e.size() > 10) {
                    return "context: 1 to 10 elements";
                }
            }
        }
        return null;
    }

    static String teams(JsonNode m) {
        if (!m.path("type").asText().equals("message")) {
            return "type must be message";
        }
        JsonNode attachments = m.path("attachments");
        if (!attachments.isArray() || attachments.isEmpty()) {
            return "no attachments";
        }
        for (JsonNode a : attachments) {
            if (!a.path("contentType").asText().equals("application/vnd.microsoft.card.adaptive")) {
                return "contentType " + a.path("contentType").asText();
            }
            String card = cardErrors(a.path("content"));
            if (card != null) {
                return card;
            }
            // and Microsoft's published schema of the card (adaptive-card.json)
            List<String> schema = AdaptiveCardSchema.errors(a.path("content"));
            if (!schema.isEmpty()) {
                return "adaptive-card.json: " + String.join("; ", schema);
            }
        }
        return null;
    }

    /**
     * The Adaptive Card 1.5 rules this emulator checks by hand (those of adaptive-card.json the messages can meet): a
     * top-level AdaptiveCard with a version, only the properties the schema allows on it, and TextBlocks with a text and
     * only their own properties and enumerated values (which Adaptive Cards compare ignoring case).
     */
    public static String cardErrors(JsonNode card) {
        if (!card.isObject() || !card.path("type").asText().equals("AdaptiveCard")) {
            return "content: not an AdaptiveCard";
        }
        if (!card.path("version").isTextual()) {
            return "AdaptiveCard: version is required at the top level";
        }
        for (String key : (Iterable<String>) card::fieldNames) {
            if (!CARD_KEYS.contains(key)) {
                return "AdaptiveCard: no property " + key;
            }
        }
        for (JsonNode e : card.path("body")) {
            if (!e.path("type").asText().equals("TextBlock")) {
                return "element type " + e.path("type").asText() + " not checked here";
            }
            for (String key : (Iterable<String>) e::fieldNames) {
                if (!TEXTBLOCK_KEYS.contains(key)) {
                    return "TextBlock: no property " + key;
                }
            }
            if (!e.path("text").isTextual()) {
                return "TextBlock: text is required";
            }
            if (e.has("size") && !Set.of("default", "small", "medium", "large", "extralarge").contains(e.path("size").asText().toLowerCase(java.util.Locale.ROOT))) {
                return "TextBlock: size " + e.path("size");
            }
            if (e.has("weight") && !Set.of("default", "lighter", "bolder").contains(e.path("weight").asText().toLowerCase(java.util.Locale.ROOT))) {
                return "TextBlock: weight " + e.path("weight");
            }
            if (e.has("color") && !Set.of("default", "dark", "light", "accent", "good", "warning", "attention").contains(e.path("color").asText().toLowerCase(java.util.Locale.ROOT))) {
                return "TextBlock: color " + e.path("color");
            }
            if (e.has("wrap") && !e.path("wrap").isBoolean() || e.has("separator") && !e.path("separator").isBoolean()) {
                return "TextBlock: wrap and separator are booleans";
            }
        }
        return null;
    }

    static String discord(JsonNode m) {
        String content = m.path("content").asText("");
        JsonNode embeds = m.path("embeds");
        if (content.isEmpty() && (!embeds.isArray() || embeds.isEmpty())) {
            return "content or embeds required";
        }
        if (length(content) > 2000) {
            return "content: at most 2000";
        }
        if (embeds.size() > 10) {
            return "embeds: at most 10";
        }
        int total = 0;
        for (JsonNode e : embeds) {
            int title = length(e.path("title").asText(""));
            int description = length(e.path("description").asText(""));
            if (title > 256) {
                return "embed title: at most 256";
            }
            if (description > 4096) {
                return "embed description: at most 4096";
            }
            total += title + description + length(e.path("footer").path("text").asText("")) + length(e.path("author").path("name").asText(""));
            for (JsonNode f : e.path("fields")) {
                total += length(f.path("name").asText("")) + length(f.path("value").asText(""));
            }
        }
        if (total > 6000) {
            return "embeds: at most 6000 characters in all";
        }
        return null;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Every request so far, for a test that looks at all of them. */
    public List<Request> all() {
        return new ArrayList<>(requests);
    }
}
