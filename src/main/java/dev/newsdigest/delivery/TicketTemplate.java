package dev.newsdigest.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import dev.newsdigest.config.ConfigException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdigest.publish.VerbatimMustache;
import com.github.mustachejava.Mustache;

/**
 * The requests of a ticketing system, as Mustache templates in a properties file: for each step ({@code create},
 * {@code update} and, optionally, {@code search}) a {@code .method}, a {@code .url}, any {@code .header.<Name>} and a
 * {@code .body}; {@code create.id} and {@code search.id} are JSON pointers to the ticket's id in the answer. Values are
 * written as they are: the view gives JSON literals ({@code json.*}) and URL-encoded text ({@code url.*}) where they go.
 */
public final class TicketTemplate {
    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String SEARCH = "search";

    /** One request, rendered. */
    public record Request(String method, String url, Map<String, String> headers, String body) {
    }

    private final Properties steps;
    private final Map<String, Mustache> compiled = new LinkedHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final VerbatimMustache mustache = new VerbatimMustache();

    private TicketTemplate(Properties steps, String name) {
        this.steps = steps;
        for (String step : new String[] {CREATE, UPDATE}) {
            if (steps.getProperty(step + ".method") == null || steps.getProperty(step + ".url") == null) {
                throw new ConfigException("digest.tickets.template", name + " has no " + step + ".method and " + step + ".url");
            }
        }
        for (String key : steps.stringPropertyNames()) {
            if (!key.endsWith(".id") && !key.equals(SEARCH + ".subject") && !key.equals(SEARCH + ".body")) {
                compiled.put(key, mustache.compile(new StringReader(steps.getProperty(key)), name + ":" + key));
            }
        }
    }

    /** A shipped preset: {@code webhook}, {@code redmine}, {@code jira} or {@code github}. */
    public static TicketTemplate preset(String name) {
        try (InputStream in = TicketTemplate.class.getResourceAsStream("/tickets/" + name + ".properties")) {
            if (in == null) {
                throw new ConfigException("digest.tickets.preset", "no preset named '" + name + "'");
            }
            return new TicketTemplate(load(new InputStreamReader(in, StandardCharsets.UTF_8)), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operator's own template file, in the presets' format. */
    public static TicketTemplate file(Path path) {
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new TicketTemplate(load(in), path.getFileName().toString());
        } catch (IOException e) {
            throw new ConfigException("digest.tickets.template", "'" + path + "' cannot be read: " + e.getMessage());
        }
    }

    private static Properties load(Reader in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        return p;
    }

    /** Whether the system can be searched for a story's ticket before one is opened. */
    public boolean canSearch() {
        return steps.getProperty(SEARCH + ".url") != null;
    }

    public Request render(String step, Map<String, Object> view) {
        Map<String, String> headers = new LinkedHashMap<>();
        String prefix = step + ".header.";
        compiled.keySet().stream().filter(k -> k.startsWith(prefix)).sorted()
                .forEach(k -> headers.put(k.substring(prefix.length()), fill(k, view)));
        String body = compiled.containsKey(step + ".body") ? fill(step + ".body", view) : null;
        return new Request(steps.getProperty(step + ".method").trim().toUpperCase(java.util.Locale.ROOT), fill(step + ".url", view),
                headers, body);
    }

    /** The ticket id at the step's JSON pointer in {@code answer}; null when the answer has none there. */
    public String id(String step, String answer) {
        String pointer = steps.getProperty(step + ".id");
        if (pointer == null || answer == null || answer.isBlank()) {
            return null;
        }
        try {
            JsonNode id = json.readTree(answer).at(JsonPointer.compile(pointer.trim()));
            return id.isValueNode() && !id.asText().isBlank() && id.asText().length() <= 200 ? id.asText() : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether a ticket's id is needed later: the update step's URL names it. */
    public boolean needsId() {
        return steps.getProperty(UPDATE + ".url").contains("id}}");
    }

    /** The JSON pointer of the step's id, for error messages. */
    public String idPointer(String step) {
        return steps.getProperty(step + ".id", "(none)").trim();
    }

    /**
     * The text at the step's {@code <step>.<field>} JSON pointer in {@code answer} ({@code search.subject},
     * {@code search.body}): every string under it, one per line (an Atlassian Document is a tree of them); null when the
     * template names no such pointer or the answer has nothing there.
     */
    public String text(String step, String field, String answer) {
        String pointer = steps.getProperty(step + "." + field);
        if (pointer == null || answer == null || answer.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(answer).at(JsonPointer.compile(pointer.trim()));
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            StringBuilder out = new StringBuilder();
            collect(node, out);
            return out.toString();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.isValueNode()) {
            out.append(node.asText()).append('\n');
        } else {
            node.forEach(child -> collect(child, out));
        }
    }

    private String fill(String key, Map<String, Object> view) {
        StringWriter out = new StringWriter();
        compiled.get(key).execute(out, view);
        return out.toString();
    }
}
