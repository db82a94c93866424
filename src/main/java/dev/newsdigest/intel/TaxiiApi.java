package dev.newsdigest.intel;

import dev.newsdigest.text.StixTime;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.newsdigest.config.Tlp;
import dev.newsdigest.state.IntelLedger;
import dev.newsdigest.state.IntelQueries;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only TAXII 2.1 API (OASIS, TAXII Version 2.1): discovery at {@value #DISCOVERY}, one API root at
 * {@value #API_ROOT}, one collection ({@value #COLLECTION_ID}) of every STIX object the digests published, each version
 * once, read from the state ({@link IntelQueries}) so that every instance of a fleet answers the same. It answers a
 * request from its method, path, query and {@code Accept} header; who may ask is {@link IntelAccess}'s business, decided
 * before.
 *
 * <p>Errors are TAXII error messages: 404 for a path, collection or object that is not here, 406 when {@code Accept}
 * names no TAXII 2.1 media type, 403 for adding or deleting objects (the collection cannot be written: TAXII 5.5 and
 * 5.7), 405 for any other method, 400 for a malformed parameter. TAXII 2.1 has no 416: its item ranges went with 2.0.
 */
public class TaxiiApi {
    public static final String DISCOVERY = "/taxii2/";
    /**
     * The API root, {@code root} under discovery: OpenCTI's TAXII ingestion asks {@code <its URL>root/collections/<id>/objects}
     * of the URL it is given, so it is given {@value #DISCOVERY}.
     */
    public static final String API_ROOT = "/taxii2/root/";
    /** The collection's id: fixed, so that a client configured once keeps reading it (a version 4 UUID, as TAXII asks). */
    public static final String COLLECTION_ID = "2e8343fb-24d4-4df1-8da7-32bd9719a72e";
    /** What each object is, as its manifest record and the collection say. */
    static final String STIX = "application/stix+json;version=" + IntelQueries.SPEC_VERSION;

    private static final Logger LOG = LoggerFactory.getLogger(TaxiiApi.class);
    private static final String FIRST = "X-TAXII-Date-Added-First";
    private static final String LAST = "X-TAXII-Date-Added-Last";

    private final IntelQueries queries;
    private final String producer;
    private final Tlp tlp;
    private final long maxContentLength;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * {@code producer}: who publishes ({@code digest.stix.identity}); {@code tlp}: the digests' marking, or null;
     * {@code maxContentLength}: the largest request body the server reads ({@code camel.server.maxBodySize}).
     */
    public TaxiiApi(IntelQueries queries, String producer, Tlp tlp, long maxContentLength) {
        this.queries = queries;
        this.producer = producer;
        this.tlp = tlp;
        this.maxContentLength = maxContentLength;
    }

    /** Answers the platform-http request in {@code exchange}, in its place. */
    public void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        answer(in.getHeader(Exchange.HTTP_METHOD, String.class), in.getHeader(Exchange.HTTP_PATH, String.class),
                in.getHeader(Exchange.HTTP_RAW_QUERY, String.class), header(in.getHeader("Accept"))).writeTo(in);
    }

    /** A request the route could not answer (the state cannot be read): a 500 TAXII error, and why in the log. */
    public void failed(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Message in = exchange.getMessage();
        LOG.warn("taxii-server: {} {} failed: {}", in.getHeader(Exchange.HTTP_METHOD), in.getHeader(Exchange.HTTP_PATH),
                e == null ? "unknown error" : e.getMessage());
        HttpAnswer.error(500, "Internal server error", "The collection cannot be read now; try again later.", Map.of()).writeTo(in);
    }

    /** The answer to {@code method} on {@code path} (normalized, starting with /), with {@code rawQuery} and {@code accept}. */
    public HttpAnswer answer(String method, String path, String rawQuery, String accept) {
        try {
            if (!acceptable(accept)) {
                throw new Refusal(406, "Not acceptable", "This server answers in " + HttpAnswer.TAXII + " only: name it (or "
                        + "application/taxii+json, application/json, */*) in the Accept header.");
            }
            return route(method == null ? "GET" : method.toUpperCase(Locale.ROOT), segments(path), rawQuery);
        } catch (Refusal r) {
            return r.answer;
        } catch (TaxiiParameters.BadRequest e) {
            return HttpAnswer.error(400, "Bad request", e.getMessage(), Map.of());
        }
    }

    private HttpAnswer route(String method, List<String> path, String rawQuery) {
        if (path.equals(List.of("taxii2"))) {
            get(method, null);
            return HttpAnswer.json(200, discovery(), Map.of());
        }
        if (path.size() < 2 || !path.subList(0, 2).equals(List.of("taxii2", "root"))) {
            throw notFound("There is no TAXII resource at this path.");
        }
        path = path.subList(1, path.size()); // from the API root on
        if (path.size() == 1) {
            get(method, null);
            return HttpAnswer.json(200, apiRoot(), Map.of());
        }
        if (!path.get(1).equals("collections")) {
            throw notFound("There is no TAXII resource at this path.");
        }
        if (path.size() == 2) {
            get(method, null);
            ObjectNode collections = json.createObjectNode();
            collections.putArray("collections").add(collection());
            return HttpAnswer.json(200, collections, Map.of());
        }
        if (!path.get(2).equals(COLLECTION_ID)) {
            throw notFound("There is no such collection under this API root.");
        }
        List<String> rest = path.subList(3, path.size());
        if (rest.isEmpty()) {
            get(method, null);
            return HttpAnswer.json(200, collection(), Map.of());
        }
        if (rest.equals(List.of("manifest"))) {
            get(method, null);
            return manifest(TaxiiParameters.parse(rawQuery));
        }
        if (rest.equals(List.of("objects"))) {
            get(method, "POST");
            return objects(TaxiiParameters.parse(rawQuery));
        }
        if (rest.size() == 2 && rest.get(0).equals("objects")) {
            get(method, "DELETE");
            return object(rest.get(1), TaxiiParameters.parse(rawQuery));
        }
        if (rest.size() == 3 && rest.get(0).equals("objects") && rest.get(2).equals("versions")) {
            get(method, null);
            return versions(rest.get(1), TaxiiParameters.parse(rawQuery));
        }
        throw notFound("There is no TAXII resource at this path.");
    }

    /**
     * Only GET reads. {@code write}, the method TAXII defines here for writing (POST adds objects, DELETE deletes one),
     * is forbidden: the collection's {@code can_write} is false, and TAXII answers 403 to a client that may read but not
     * write. Any other method is not allowed (405).
     */
    private static void get(String method, String write) {
        if (method.equals("GET")) {
            return;
        }
        if (method.equals(write)) {
            throw new Refusal(HttpAnswer.error(403, "Forbidden", "The collection is read-only (can_write is false): objects cannot be "
                    + (write.equals("POST") ? "added" : "deleted") + ".", Map.of()));
        }
        throw new Refusal(HttpAnswer.error(405, "Method not allowed", "This resource answers GET only.", Map.of("Allow", "GET")));
    }

    private ObjectNode discovery() {
        ObjectNode d = json.createObjectNode();
        d.put("title", producer + " TAXII server");
        d.put("description", "The STIX 2.1 objects of every digest " + producer + " has published, read-only.");
        d.put("default", API_ROOT);
        d.putArray("api_roots").add(API_ROOT);
        return d;
    }

    private ObjectNode apiRoot() {
        ObjectNode root = json.createObjectNode();
        root.put("title", producer + " digests");
        root.put("description", "One read-only collection: every STIX 2.1 object of every published digest revision.");
        root.putArray("versions").add(HttpAnswer.TAXII);
        root.put("max_content_length", maxContentLength);
        return root;
    }

    private ObjectNode collection() {
        ObjectNode c = json.createObjectNode();
        c.put("id", COLLECTION_ID);
        c.put("title", producer + " digests");
        c.put("description", "Every STIX 2.1 object of every published digest revision (reports, indicators and their observables, "
                + "vulnerabilities, ATT&CK techniques, actors, victims), each version once" + (tlp == null ? "" : "; marked " + tlp.label()) + ".");
        c.put("can_read", true);
        c.put("can_write", false);
        c.putArray("media_types").add(STIX);
        return c;
    }

    private HttpAnswer objects(TaxiiParameters p) {
        IntelQueries.Filter filter = new IntelQueries.Filter(p.addedAfter(), p.ids(), p.types(), p.versions());
        return envelope(p, filter);
    }

    private HttpAnswer object(String objectId, TaxiiParameters p) {
        // Get an Object is Get Objects with match[id] set to it; its only other match field is version (TAXII 5.6)
        IntelQueries.Filter filter = new IntelQueries.Filter(p.addedAfter(), List.of(objectId), List.of(), p.versions());
        IntelQueries.Cursor next = p.next();
        int limit = p.limit();
        boolean specVersion = p.specVersionMatches();
        if (!queries.exists(objectId)) {
            throw notFound("The collection holds no object with this id.");
        }
        return envelope(specVersion, filter, next, limit);
    }

    private HttpAnswer envelope(TaxiiParameters p, IntelQueries.Filter filter) {
        return envelope(p.specVersionMatches(), filter, p.next(), p.limit());
    }

    private HttpAnswer envelope(boolean specVersion, IntelQueries.Filter filter, IntelQueries.Cursor next, int limit) {
        IntelQueries.Page page = specVersion ? queries.objects(filter, next, limit) : empty();
        ObjectNode envelope = paged(page);
        if (!page.rows().isEmpty()) {
            ArrayNode objects = envelope.putArray("objects");
            page.rows().forEach(o -> objects.addRawValue(new RawValue(o.json())));
        }
        return HttpAnswer.json(200, envelope, dateHeaders(page));
    }

    private HttpAnswer manifest(TaxiiParameters p) {
        IntelQueries.Filter filter = new IntelQueries.Filter(p.addedAfter(), p.ids(), p.types(), p.versions());
        IntelQueries.Cursor next = p.next();
        int limit = p.limit();
        IntelQueries.Page page = p.specVersionMatches() ? queries.manifest(filter, next, limit) : empty();
        ObjectNode manifest = paged(page);
        if (!page.rows().isEmpty()) {
            ArrayNode records = manifest.putArray("objects");
            for (IntelLedger.StoredObject o : page.rows()) {
                ObjectNode record = records.addObject();
                record.put("id", o.id());
                record.put("date_added", StixTime.micros(o.dateAdded()));
                record.put("version", o.version());
                record.put("media_type", STIX);
            }
        }
        return HttpAnswer.json(200, manifest, dateHeaders(page));
    }

    private HttpAnswer versions(String objectId, TaxiiParameters p) {
        IntelQueries.Filter filter = new IntelQueries.Filter(p.addedAfter(), List.of(objectId), List.of(), IntelQueries.Versions.ALL);
        IntelQueries.Cursor next = p.next();
        int limit = p.limit();
        boolean specVersion = p.specVersionMatches();
        if (!queries.exists(objectId)) {
            throw notFound("The collection holds no object with this id.");
        }
        IntelQueries.Page page = specVersion ? queries.manifest(filter, next, limit) : empty();
        ObjectNode versions = paged(page);
        if (!page.rows().isEmpty()) {
            ArrayNode list = versions.putArray("versions");
            page.rows().forEach(o -> list.add(o.version()));
        }
        return HttpAnswer.json(200, versions, dateHeaders(page));
    }

    /**
     * The paging part of an envelope, a manifest or a versions resource: nothing when the page is empty (TAXII: "the
     * response is an empty object"), else {@code more} and {@code next}, the position after the page's last object. It
     * is given on the last page too: a client that keeps it (OpenCTI keeps the last {@code next} and asks with it at its
     * next poll) is then given only what was added since.
     */
    private ObjectNode paged(IntelQueries.Page page) {
        ObjectNode resource = json.createObjectNode();
        if (!page.rows().isEmpty()) {
            resource.put("more", page.more());
            resource.put("next", page.after().encode());
        }
        return resource;
    }

    private static IntelQueries.Page empty() {
        return new IntelQueries.Page(List.of(), false);
    }

    /** When the first and the last object of the answer were added; an empty answer has neither. */
    private static Map<String, Object> dateHeaders(IntelQueries.Page page) {
        if (page.rows().isEmpty()) {
            return Map.of();
        }
        return Map.of(FIRST, StixTime.micros(page.rows().get(0).dateAdded()),
                LAST, StixTime.micros(page.rows().get(page.rows().size() - 1).dateAdded()));
    }

    /**
     * Whether {@code accept} names a media range this server can answer: {@code application/taxii+json} with no version
     * or version 2.1 (TAXII 1.6.8), or one that includes it: {@code application/json}, {@code application/*},
     * {@code *}{@code /*}, or no Accept header (HTTP: anything). TAXII asks clients to name its media type, but the clients
     * platforms use do not always (OpenCTI's sends {@code application/json, text/plain, *}{@code /*}): they are answered in
     * TAXII's. A client that accepts only something else ({@code text/html}) is refused (406).
     */
    static boolean acceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (!type.equals("application/taxii+json") && !type.equals("application/json") && !type.equals("application/*") && !type.equals("*/*")) {
                continue;
            }
            boolean ok = true;
            for (int i = 1; i < parts.length; i++) {
                String[] param = parts[i].split("=", 2);
                String name = param[0].trim().toLowerCase(Locale.ROOT);
                String value = param.length == 2 ? param[1].trim().replace("\"", "") : "";
                if (name.equals("version") && type.equals("application/taxii+json") && !value.equals(IntelQueries.SPEC_VERSION)) {
                    ok = false;
                }
                if (name.equals("q") && value.matches("0(\\.0{0,3})?")) {
                    ok = false; // q=0: not acceptable
                }
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path's segments, decoded. TAXII's paths end with /; one without it is read the same, as clients drop it
     * (OpenCTI asks {@code …/objects}).
     */
    private static List<String> segments(String path) {
        if (path == null || !path.startsWith("/") || path.contains("//")) {
            throw notFound("There is no TAXII resource at this path.");
        }
        List<String> segments = new ArrayList<>();
        for (String s : path.substring(1).split("/")) {
            if (s.isEmpty()) {
                continue; // the root, /
            }
            try {
                segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw notFound("There is no TAXII resource at this path.");
            }
        }
        return segments;
    }

    /** A header's value, several of the same name joined as HTTP joins them. */
    private static String header(Object value) {
        if (value instanceof Collection<?> values) {
            return String.join(",", values.stream().map(String::valueOf).toList());
        }
        return value == null ? null : value.toString();
    }

    private static Refusal notFound(String description) {
        return new Refusal(HttpAnswer.error(404, "Not found", description, Map.of()));
    }

    /** A request refused with a TAXII error. */
    private static final class Refusal extends RuntimeException {
        private final transient HttpAnswer answer;

        Refusal(HttpAnswer answer) {
            super(null, null, false, false);
            this.answer = answer;
        }

        Refusal(int status, String title, String description) {
            this(HttpAnswer.error(status, title, description, Map.of()));
        }
    }
}
