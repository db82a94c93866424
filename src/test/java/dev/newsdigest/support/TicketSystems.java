package dev.newsdigest.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A ticketing system on a local port that checks each request the way the real API does and answers as it does:
 * Redmine ({@code /issues.json}, {@code X-Redmine-API-Key}), Jira Cloud REST v3 ({@code /rest/api/3/issue}, HTTP Basic
 * with email:token, descriptions as Atlassian Documents), GitHub ({@code /repos/{owner}/{repo}/issues}, a bearer token,
 * {@code application/vnd.github+json}), or a plain webhook. A request the real API would refuse gets its 4xx and
 * is counted in {@link #refused()}. Tickets live in memory: their subject and their notes.
 */
public final class TicketSystems implements AutoCloseable {
    public enum Kind { REDMINE, JIRA, GITHUB, WEBHOOK }

    /** A ticket as the system holds it. */
    public record Ticket(String id, String project, String subject, String description, List<String> notes) {
    }

    /** A request as received: method, path with query, headers (lower case) and body. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
    }

    private final Kind kind;
    private final String project;
    private final String token;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    /** Answers the system gives late: scheduled, so that no thread waits on the clock. */
    private final java.util.concurrent.ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** After making a ticket, answer this many creates only once this long has passed (an answer the client gives up on). */
    private volatile long slowCreateMillis;
    /** While set, every request is answered with this status (a system that is down). */
    private volatile int down;
    private final AtomicInteger slowCreates = new AtomicInteger();

    public TicketSystems(Kind kind, String project, String token) {
        this.kind = kind;
        this.project = project;
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + (kind == Kind.WEBHOOK ? "/hooks/tickets" : "");
    }

    /** From now on every request gets {@code status} (0: the system is back). */
    public void down(int status) {
        down = status;
    }

    /** The method of the next request to hold after answering it, and what holds it. */
    private volatile String holdNext;
    private final java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean holding = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The next request with {@code method} is carried out (the ticket made, the note added) and its whole answer sent,
     * but the answer is never ended: the client waits for the rest, as a process killed between the system's answer and
     * recording it would. {@link #holding()} says when that point is reached; {@link #close()} lets it go.
     */
    public void holdAfterAnswering(String method) {
        holdNext = method;
    }

    public boolean holding() {
        return holding.get();
    }

    /** While set, a create (POST) is answered 201 with this body instead of the ticket (an answer without an id). */
    private volatile String createAnswer;

    public void createAnswer(String body) {
        createAnswer = body;
    }

    /** The next {@code count} creates make their ticket and then answer only after {@code millis}. */
    public void slowCreates(int count, long millis) {
        slowCreates.set(count);
        slowCreateMillis = millis;
    }

    public List<Ticket> tickets() {
        return order.stream().map(tickets::get).toList();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** What was refused, and why: a preset that sends what the real API would refuse. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        String path = exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        Request request = new Request(exchange.getRequestMethod(), path, headers, body);
        requests.add(request);
        Answer answer = down != 0 ? new Answer(down, null)
                : createAnswer != null && request.method().equals("POST") ? new Answer(201, createAnswer) : switch (kind) {
            case REDMINE -> redmine(request);
            case JIRA -> jira(request);
            case GITHUB -> github(request);
            case WEBHOOK -> webhook(request);
        };
        if (answer.status() >= 400 && down == 0) {
            refused.add(request.method() + " " + request.path() + ": " + answer.status() + " " + answer.body());
        }
        if (holdNext != null && holdNext.equals(request.method()) && answer.status() < 300) {
            holdNext = null;
            hold(exchange, answer);
            return;
        }
        if (answer.slow() > 0) {
            // the system's own pace: the ticket is made, the answer comes after the client has given up
            later.schedule(() -> respond(exchange, answer), answer.slow(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } else {
            respond(exchange, answer);
        }
    }

    private void hold(HttpExchange exchange, Answer answer) {
        try {
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), 0); // chunked: the end never comes while held
            exchange.getResponseBody().write(bytes);
            exchange.getResponseBody().flush();
            holding.set(true);
            held.await();
        } catch (IOException e) {
            // the client is gone (killed): what this is for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, Answer answer) {
        try (exchange) {
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client gave up (a slow create under test): nothing more to say
        }
    }

    private record Answer(int status, String body, long slow) {
        Answer(int status, String body) {
            this(status, body, 0);
        }
    }

    /** A ticket someone else opened in the system: its id. */
    public String plant(String subject, String description) {
        return open(subject, description).id();
    }

    private Ticket open(String subject, String description) {
        String id = switch (kind) {
            case JIRA -> project + "-" + ids.incrementAndGet();
            default -> Integer.toString(ids.incrementAndGet());
        };
        Ticket t = new Ticket(id, project, subject, description, new CopyOnWriteArrayList<>());
        tickets.put(id, t);
        order.add(id);
        return t;
    }

    private long slowness() {
        return slowCreates.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? slowCreateMillis : 0;
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean jsonContent(Request r) {
        return r.headers().getOrDefault("content-type", "").startsWith("application/json");
    }

    private List<Ticket> search(String needle) {
        return tickets().stream().filter(t -> t.subject().contains(needle)).toList();
    }

    private static Map<String, String> query(String path) {
        Map<String, String> q = new java.util.LinkedHashMap<>();
        int at = path.indexOf('?');
        if (at >= 0) {
            for (String pair : path.substring(at + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    // ---------------------------------------------------------------- Redmine 5 REST API

    private static final Pattern REDMINE_ISSUE = Pattern.compile("/issues/(\\d+)\\.json");

    private Answer redmine(Request r) {
        if (!token.equals(r.headers().get("x-redmine-api-key"))) {
            return new Answer(401, null);
        }
        String path = r.path().replaceFirst("\\?.*", "");
        if (r.method().equals("POST") && path.equals("/issues.json")) {
            JsonNode issue = jsonContent(r) ? parse(r.body()) : null;
            issue = issue == null ? null : issue.path("issue");
            if (issue == null || !issue.isObject()) {
                return new Answer(422, "{\"errors\":[\"Subject cannot be blank\"]}");
            }
            if (!project.equals(issue.path("project_id").asText())) {
                return new Answer(422, "{\"errors\":[\"Project cannot be blank\"]}");
            }
            String subject = issue.path("subject").asText("");
            if (subject.isBlank() || subject.length() > 255) {
                return new Answer(422, "{\"errors\":[\"Subject cannot be blank\"]}");
            }
            Ticket t = open(subject, issue.path("description").asText(""));
            ObjectNode out = json.createObjectNode();
            out.putObject("issue").put("id", Integer.parseInt(t.id())).put("subject", subject).putObject("project").put("name", project);
            return new Answer(201, out.toString(), slowness());
        }
        Matcher m = REDMINE_ISSUE.matcher(path);
        if (r.method().equals("PUT") && m.matches()) {
            Ticket t = tickets.get(m.group(1));
            if (t == null) {
                return new Answer(404, null);
            }
            JsonNode notes = jsonContent(r) && parse(r.body()) != null ? parse(r.body()).path("issue").path("notes") : null;
            if (notes == null || !notes.isTextual()) {
                return new Answer(422, "{\"errors\":[\"notes missing\"]}");
            }
            t.notes().add(notes.asText());
            return new Answer(204, null);
        }
        if (r.method().equals("GET") && path.equals("/issues.json")) {
            Map<String, String> q = query(r.path());
            String subject = q.getOrDefault("subject", "");
            List<Ticket> found = subject.startsWith("~") ? search(subject.substring(1)) : List.of();
            ObjectNode out = json.createObjectNode();
            ArrayNode issues = out.putArray("issues");
            found.forEach(t -> issues.addObject().put("id", Integer.parseInt(t.id())).put("subject", t.subject()).put("description", t.description()));
            out.put("total_count", found.size()).put("offset", 0).put("limit", 25);
            return new Answer(200, out.toString());
        }
        return new Answer(404, null);
    }

    // ---------------------------------------------------------------- Jira Cloud REST API v3

    private static final Pattern JIRA_COMMENT = Pattern.compile("/rest/api/3/issue/([A-Z][A-Z0-9]*-\\d+)/comment");

    private static boolean isAdf(JsonNode doc) {
        return doc != null && "doc".equals(doc.path("type").asText()) && doc.path("version").asInt() == 1 && doc.path("content").isArray();
    }

    private static String adfText(JsonNode doc) {
        StringBuilder s = new StringBuilder();
        doc.findValues("text").forEach(t -> s.append(t.asText()).append('\n'));
        return s.toString();
    }

    private Answer jira(Request r) {
        String basic = "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(r.headers().get("authorization"))) {
            return new Answer(401, "{\"errorMessages\":[\"Client must be authenticated to access this resource.\"]}");
        }
        String path = r.path().replaceFirst("\\?.*", "");
        if (r.method().equals("POST") && path.equals("/rest/api/3/issue")) {
            JsonNode fields = jsonContent(r) && parse(r.body()) != null ? parse(r.body()).path("fields") : null;
            if (fields == null || !project.equals(fields.path("project").path("key").asText())) {
                return new Answer(400, "{\"errors\":{\"project\":\"valid project is required\"}}");
            }
            if (fields.path("issuetype").path("name").asText().isEmpty()) {
                return new Answer(400, "{\"errors\":{\"issuetype\":\"issue type is required\"}}");
            }
            String summary = fields.path("summary").asText("");
            if (summary.isBlank() || summary.length() > 255 || summary.contains("\n")) {
                return new Answer(400, "{\"errors\":{\"summary\":\"Summary must be less than 255 characters, on one line.\"}}");
            }
            if (!isAdf(fields.path("description"))) {
                return new Answer(400, "{\"errors\":{\"description\":\"Operation value must be an Atlassian Document\"}}");
            }
            Ticket t = open(summary, adfText(fields.path("description")));
            return new Answer(201, "{\"id\":\"" + (10000 + ids.get()) + "\",\"key\":\"" + t.id() + "\",\"self\":\"https://jira.example/rest/api/3/issue/" + t.id() + "\"}",
                    slowness());
        }
        Matcher m = JIRA_COMMENT.matcher(path);
        if (r.method().equals("POST") && m.matches()) {
            Ticket t = tickets.get(m.group(1));
            if (t == null) {
                return new Answer(404, "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"]}");
            }
            JsonNode body = jsonContent(r) && parse(r.body()) != null ? parse(r.body()).path("body") : null;
            if (!isAdf(body)) {
                return new Answer(400, "{\"errors\":{\"comment\":\"Comment body must be an Atlassian Document\"}}");
            }
            t.notes().add(adfText(body));
            return new Answer(201, "{\"id\":\"" + ids.incrementAndGet() + "\"}");
        }
        if (r.method().equals("GET") && path.equals("/rest/api/3/search/jql")) {
            String jql = query(r.path()).getOrDefault("jql", "");
            Matcher needle = Pattern.compile("summary ~ \"\\\\\"(.+?)\\\\\"\"").matcher(jql);
            if (!jql.contains("project = \"" + project + "\"") || !needle.find()) {
                return new Answer(400, "{\"errorMessages\":[\"Error in the JQL Query\"]}");
            }
            ObjectNode out = json.createObjectNode();
            ArrayNode issues = out.putArray("issues");
            String fields = query(r.path()).getOrDefault("fields", "");
            search(needle.group(1)).forEach(t -> {
                ObjectNode f = issues.addObject().put("key", t.id()).putObject("fields").put("summary", t.subject());
                if (fields.contains("description")) { // Jira gives the fields asked for, a description as an Atlassian Document
                    ObjectNode doc = f.putObject("description").put("type", "doc").put("version", 1);
                    ArrayNode content = doc.putArray("content");
                    t.description().lines().filter(l -> !l.isBlank()).forEach(l -> content.addObject().put("type", "paragraph")
                            .putArray("content").addObject().put("type", "text").put("text", l));
                }
            });
            out.put("isLast", true);
            return new Answer(200, out.toString());
        }
        return new Answer(404, null);
    }

    // ---------------------------------------------------------------- GitHub REST API

    private static final Pattern GITHUB_COMMENTS = Pattern.compile("/repos/([\\w.-]+/[\\w.-]+)/issues/(\\d+)/comments");

    private Answer github(Request r) {
        if (!("Bearer " + token).equals(r.headers().get("authorization"))) {
            return new Answer(401, "{\"message\":\"Requires authentication\"}");
        }
        if (!r.headers().getOrDefault("accept", "").contains("application/vnd.github+json")) {
            return new Answer(415, "{\"message\":\"Unsupported 'Accept' header\"}");
        }
        String path = r.path().replaceFirst("\\?.*", "");
        if (r.method().equals("POST") && path.equals("/repos/" + project + "/issues")) {
            JsonNode issue = jsonContent(r) ? parse(r.body()) : null;
            if (issue == null || issue.path("title").asText("").isBlank()) {
                return new Answer(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"field\":\"title\",\"code\":\"missing_field\"}]}");
            }
            Ticket t = open(issue.path("title").asText(), issue.path("body").asText(""));
            return new Answer(201, "{\"id\":" + (900000 + ids.get()) + ",\"number\":" + t.id() + ",\"title\":" + json.valueToTree(t.subject()) + "}",
                    slowness());
        }
        Matcher m = GITHUB_COMMENTS.matcher(path);
        if (r.method().equals("POST") && m.matches() && m.group(1).equals(project)) {
            Ticket t = tickets.get(m.group(2));
            if (t == null) {
                return new Answer(404, "{\"message\":\"Not Found\"}");
            }
            JsonNode body = jsonContent(r) ? parse(r.body()) : null;
            if (body == null || body.path("body").asText("").isBlank()) {
                return new Answer(422, "{\"message\":\"Validation Failed\"}");
            }
            t.notes().add(body.path("body").asText());
            return new Answer(201, "{\"id\":" + ids.incrementAndGet() + "}");
        }
        if (r.method().equals("GET") && path.equals("/search/issues")) {
            String q = query(r.path()).getOrDefault("q", "");
            Matcher needle = Pattern.compile("in:title \"(.+?)\"").matcher(q);
            if (!q.contains("repo:" + project) || !needle.find()) {
                return new Answer(422, "{\"message\":\"Validation Failed\"}");
            }
            ObjectNode out = json.createObjectNode();
            List<Ticket> found = search(needle.group(1));
            out.put("total_count", found.size()).put("incomplete_results", false);
            ArrayNode items = out.putArray("items");
            found.forEach(t -> items.addObject().put("number", Integer.parseInt(t.id())).put("title", t.subject()).put("body", t.description()));
            return new Answer(200, out.toString());
        }
        return new Answer(404, "{\"message\":\"Not Found\"}");
    }

    // ---------------------------------------------------------------- a plain webhook

    private final Map<String, String> seenKeys = new ConcurrentHashMap<>();

    private Answer webhook(Request r) {
        String key = r.headers().get("idempotency-key");
        String story = r.headers().get("x-digest-story");
        JsonNode body = jsonContent(r) ? parse(r.body()) : null;
        if (key == null || story == null || body == null || !story.equals(body.path("storyKey").asText())) {
            return new Answer(400, "{\"error\":\"Idempotency-Key, X-Digest-Story and a JSON body with its storyKey are required\"}");
        }
        if (seenKeys.putIfAbsent(key, story) != null) {
            return new Answer(200, "{\"duplicate\":true}"); // already processed: the receiver drops it
        }
        Ticket existing = tickets().stream().filter(t -> t.project().equals(story)).findFirst().orElse(null);
        if (existing == null) {
            String id = Integer.toString(ids.incrementAndGet());
            tickets.put(id, new Ticket(id, story, body.path("action").path("title").asText(), body.path("description").asText(), new CopyOnWriteArrayList<>()));
            order.add(id);
        } else {
            if (!body.path("update").asBoolean()) {
                return new Answer(409, "{\"error\":\"story already has a ticket; an update must say so\"}");
            }
            existing.notes().add(body.path("note").asText());
        }
        return new Answer(202, null);
    }

    @Override
    public void close() {
        held.countDown();
        server.stop(0);
        threads.shutdownNow();
        later.shutdownNow();
    }

    /** The tickets' ids, for messages. */
    public List<String> ids() {
        return new ArrayList<>(order);
    }
}
