package dev.newsdigest.delivery;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.newsdigest.config.ChannelSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The requests to the ticket system: a step of the {@link TicketTemplate} rendered with a job's values (quoted for
 * JSON, for URLs, for Basic auth and as Jira's Atlassian Document) and set on the message the route sends.
 */
final class TicketRequests {
    private final ChannelSettings.Tickets settings;
    private final TicketTemplate template;
    private final ObjectMapper json = new ObjectMapper();

    TicketRequests(ChannelSettings.Tickets settings, TicketTemplate template) {
        this.settings = settings;
        this.template = template;
    }

    /** Sets the step's method, URL, headers and body on the message; nothing of an earlier call stays. */
    void prepare(String step, TicketJob job, Message in) {
        TicketTemplate.Request r = template.render(step, view(job));
        in.removeHeaders("*", "CamelRedelivery*"); // the redelivery count stays: the retry decision reads it
        in.setHeader(Exchange.HTTP_METHOD, r.method());
        in.setHeader(Exchange.HTTP_URI, r.url());
        r.headers().forEach(in::setHeader);
        in.setBody(r.body() == null ? "" : r.body());
    }

    /** The values a template may use. */
    Map<String, Object> view(TicketJob job) {
        String token = settings.token() == null ? "" : settings.token();
        Map<String, Object> view = new HashMap<>();
        view.put("base", settings.url());
        view.put("project", settings.project());
        view.put("token", token);
        view.put("storyKey", job.storyKey());
        view.put("marker", job.marker());
        view.put("id", job.ticketId() == null ? "" : job.ticketId());
        view.put("change", job.change());
        view.put("day", job.day().toString());
        view.put("revision", job.revision());
        view.put("payload", job.payload());
        Map<String, Object> literal = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : Map.of("project", settings.project(), "subject", job.subject(), "description", job.description(),
                "note", job.note(), "storyKey", job.storyKey(), "marker", job.marker()).entrySet()) {
            literal.put(e.getKey(), quote(e.getValue()));
        }
        view.put("json", literal);
        Map<String, Object> encoded = new LinkedHashMap<>();
        encoded.put("project", encode(settings.project()));
        encoded.put("marker", encode(job.marker()));
        encoded.put("id", encode(job.ticketId() == null ? "" : job.ticketId()));
        encoded.put("jql", encode("project = \"" + settings.project() + "\" AND summary ~ \"\\\"" + job.marker() + "\\\"\""));
        encoded.put("githubQuery", encode("repo:" + settings.project() + " in:title \"" + job.marker() + "\""));
        view.put("url", encoded);
        view.put("basic", Map.of("token", Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))));
        view.put("adf", Map.of("description", adf(job.description()), "note", adf(job.note())));
        return view;
    }

    private String quote(String s) {
        try {
            return json.writeValueAsString(s == null ? "" : s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Text as an Atlassian Document: a paragraph per line, as Jira Cloud's v3 API takes descriptions and comments. */
    private String adf(String text) {
        ObjectNode doc = json.createObjectNode().put("type", "doc").put("version", 1);
        var content = doc.putArray("content");
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                content.addObject().put("type", "paragraph").putArray("content").addObject().put("type", "text").put("text", line);
            }
        }
        return doc.toString();
    }
}
