package dev.newsdigest.intel;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdigest.config.IntelSettings;
import dev.newsdigest.model.Digest;

/** What a published revision gives threat-intelligence platforms: its STIX objects and bundle, and its MISP events. */
public class IntelExport {
    private final StixBundle stix;

    public IntelExport(IntelSettings settings) {
        this.stix = new StixBundle(settings.producer());
    }

    /** The revision's STIX objects (and MISP events when the feed is on), before the state gives them their versions. */
    public Intel of(Digest digest) {
        return new Intel(List.copyOf(stix.objects(digest)), List.of());
    }

    /** The revision's bundle, of its objects as the state versioned them. */
    public String bundle(Digest digest, List<JsonNode> objects) {
        return stix.bundle(digest.date(), digest.revision(), objects);
    }
}
