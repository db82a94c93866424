package dev.newsdigest.intel;

import dev.newsdigest.model.Intel;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdigest.config.IntelSettings;
import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;

/** What a published revision gives threat-intelligence platforms: its STIX objects and bundle, and its MISP events. */
public class IntelExport {
    private final StixBundle stix;
    private final MispEvents misp;

    public IntelExport(IntelSettings settings) {
        this.stix = new StixBundle(settings.producer());
        this.misp = settings.misp() ? new MispEvents(settings.mispOrg(), StixIds.uuid5(StixIds.NAMESPACE, "misp-org|" + settings.mispOrg()).toString())
                : null;
    }

    /** The revision's STIX objects, and one MISP event per story when the feed is on, before the state versions them. */
    public Intel of(Digest digest) {
        List<Intel.Event> events = misp == null ? List.of() : digest.items().stream().map(item -> event(digest, item)).toList();
        return new Intel(List.copyOf(stix.objects(digest)), events);
    }

    /** The revision's bundle, of its objects as the state versioned them. */
    public String bundle(Digest digest, List<JsonNode> objects) {
        return stix.bundle(digest.date(), digest.revision(), objects);
    }

    private Intel.Event event(Digest digest, DigestItem item) {
        String uuid = MispEvents.eventUuid(item.storyKeyOrUrl()).toString();
        long timestamp = StixBundle.instant(digest.generatedAt(), Instant.EPOCH).getEpochSecond();
        ObjectNode content = misp.event(item, uuid, digest.date(), timestamp, digest.tlp());
        return new Intel.Event(uuid, item.storyKeyOrUrl(), timestamp, content);
    }
}
