package dev.newsdigest.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdigest.intel.MispEvents;
import dev.newsdigest.site.ArchiveSite;
import dev.newsdigest.state.IntelLedger;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.state.StateStore.PendingDelivery;
import dev.newsdigest.text.JsonLayout;

/**
 * What the file channel writes for a delivery, in order: {@code <day>.md}, {@code <day>.json}, {@code <day>.stix.json}
 * (a revision published before bundles existed has none), {@code feed.atom} (each day's latest revision, read from the
 * state, after the day's files it links to) and, with the MISP feed on, under {@code misp/}: the event of
 * each story the day's revisions changed, then {@code hashes.csv}, then {@code manifest.json} last, so that a MISP
 * instance never reads a manifest that names an event not yet written; then, with the site on, every file of the
 * archive site under {@code site/} ({@link ArchiveSite}), its index last.
 */
public class OutputFiles {
    private final StateStore store;
    private final boolean misp;
    private final AtomFeed atom;
    private final ArchiveSite site;
    private final ObjectMapper json = new ObjectMapper();

    public OutputFiles(StateStore store, boolean misp, AtomFeed atom) {
        this(store, misp, atom, null);
    }

    /** With {@code site} (null: none), the archive site is rebuilt under {@code site/} with every delivery, after the rest. */
    public OutputFiles(StateStore store, boolean misp, AtomFeed atom, ArchiveSite site) {
        this.store = store;
        this.misp = misp;
        this.atom = atom;
        this.site = site;
    }

    /** A file to write: its name under {@code digest.output.dir} and its bytes. */
    public record OutputFile(String name, byte[] bytes) {
    }

    public List<OutputFile> of(PendingDelivery d) {
        List<OutputFile> files = new ArrayList<>();
        files.add(new OutputFile(d.day() + ".md", d.markdown().getBytes(StandardCharsets.UTF_8)));
        files.add(new OutputFile(d.day() + ".json", d.jsonBytes()));
        if (d.stix() != null) {
            files.add(new OutputFile(d.day() + ".stix.json", d.stix().getBytes(StandardCharsets.UTF_8)));
        }
        if (atom.days() > 0) {
            files.add(new OutputFile("feed.atom", atom.write(store.latestPerDay(atom.days()))));
        }
        if (misp) {
            List<ObjectNode> all = new ArrayList<>();
            for (IntelLedger.StoredEvent event : store.intel().events()) {
                ObjectNode content = read(event.json());
                all.add(content);
                if (d.day().equals(event.day())) {
                    files.add(new OutputFile("misp/" + event.uuid() + ".json", bytes(content)));
                }
            }
            files.add(new OutputFile("misp/hashes.csv", (String.join("\n", MispEvents.hashes(all)) + (all.isEmpty() ? "" : "\n"))
                    .getBytes(StandardCharsets.UTF_8)));
            files.add(new OutputFile("misp/manifest.json", bytes(MispEvents.manifest(all))));
        }
        if (site != null) {
            files.addAll(site.build(store.latestPerDay(Integer.MAX_VALUE)));
        }
        return files;
    }

    private ObjectNode read(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored MISP event cannot be read", e);
        }
    }

    private byte[] bytes(Object node) {
        try {
            return (json.writer(JsonLayout.printer()).writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
