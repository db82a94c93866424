package dev.newsdigest.intel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdigest.state.IntelLedger;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The MISP feed served under {@code /misp/} by the TAXII server, after the same access check, read from the state like
 * the collection: {@code manifest.json}, {@code hashes.csv} and {@code <uuid>.json}, as the file channel writes them. A
 * MISP instance subscribes to {@code <server>/misp} as a feed of format "MISP Feed". With the feed off, nothing is here.
 */
public class MispFeedApi {
    public static final String PREFIX = "/misp/";
    private static final Pattern EVENT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.json");

    private final IntelLedger ledger;
    private final boolean enabled;
    private final ObjectMapper json = new ObjectMapper();

    public MispFeedApi(IntelLedger ledger, boolean enabled) {
        this.ledger = ledger;
        this.enabled = enabled;
    }

    /** Answers the platform-http request in {@code exchange}, in its place. */
    public void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        answer(in.getHeader(Exchange.HTTP_METHOD, String.class), in.getHeader(Exchange.HTTP_PATH, String.class)).writeTo(in);
    }

    public HttpAnswer answer(String method, String path) {
        if (!enabled || path == null || !path.startsWith(PREFIX)) {
            return HttpAnswer.error(404, "Not found", "There is no MISP feed here (digest.misp.enabled is false).", Map.of());
        }
        if (method != null && !method.equals("GET")) {
            return HttpAnswer.error(405, "Method not allowed", "The MISP feed answers GET only.", Map.of("Allow", "GET"));
        }
        String name = path.substring(PREFIX.length());
        if (name.equals("manifest.json")) {
            return new HttpAnswer(200, "application/json", Map.of(), bytes(MispEvents.manifest(events())));
        }
        if (name.equals("hashes.csv")) {
            List<String> lines = MispEvents.hashes(events());
            return new HttpAnswer(200, "text/csv; charset=utf-8", Map.of(),
                    (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
        }
        if (EVENT.matcher(name).matches()) {
            String uuid = name.substring(0, name.length() - ".json".length());
            List<IntelLedger.StoredEvent> event = ledger.events(List.of(uuid));
            if (!event.isEmpty()) {
                return new HttpAnswer(200, "application/json", Map.of(), event.get(0).json().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HttpAnswer.error(404, "Not found", "The MISP feed has no such file.", Map.of());
    }

    private List<ObjectNode> events() {
        List<ObjectNode> events = new ArrayList<>();
        for (IntelLedger.StoredEvent e : ledger.events()) {
            try {
                events.add((ObjectNode) json.readTree(e.json()));
            } catch (IOException ex) {
                throw new UncheckedIOException("a stored MISP event cannot be read", ex);
            }
        }
        return events;
    }

    private byte[] bytes(Object node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
