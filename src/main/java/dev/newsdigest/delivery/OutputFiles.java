package dev.newsdigest.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdigest.intel.MispEvents;
import dev.newsdigest.site.ArchiveSite;
import dev.newsdigest.state.IntelLedger;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.state.StateStore.PendingDelivery;
import dev.newsdigest.text.JsonLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the file channel writes for a delivery, in order: {@code <day>.md}, {@code <day>.json}, {@code <day>.stix.json}
 * (a revision published before bundles existed has none), {@code feed.atom} (each day's latest revision, read from the
 * state, after the day's files it links to) and, with the MISP feed on, under {@code misp/}: the event of
 * each story the day's revisions changed, then {@code hashes.csv}, then {@code manifest.json} last, so that a MISP
 * instance never reads a manifest that names an event not yet written; then, with the site on, every file of the
 * archive site under {@code site/} ({@link ArchiveSite}), its index last.
 */
public class OutputFiles {
    private static final Logger LOG = LoggerFactory.getLogger(OutputFiles.class);
    /** The site's pages that come and go with the state: a day's, a story's. */
    private static final Pattern STALE_FORMS = Pattern.compile("site/(\\d{4}-\\d{2}-\\d{2}|stories/s-[0-9a-f]{12})\\.html");
    private final StateStore store;
    private final boolean misp;
    private final AtomFeed atom;
    private final ArchiveSite site;
    private final Path outputDir;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * With {@code site} (null: none), the archive site is rebuilt under {@code outputDir/site/} with every delivery,
     * after the rest.
     */
    public OutputFiles(StateStore store, boolean misp, AtomFeed atom, ArchiveSite site, Path outputDir) {
        this.store = store;
        this.misp = misp;
        this.atom = atom;
        this.site = site;
        this.outputDir = outputDir;
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

    /**
     * After the site of {@code written} is on disk: removes the site's day and story pages that it no longer has (a day
     * pruned from the state by {@code digest.site.retention}, a story no longer told over several days), so that what
     * retention removes does not stay readable. Only files of those two forms are touched; returns how many went.
     */
    public int removeStalePages(List<OutputFile> written) {
        if (site == null || written.stream().noneMatch(f -> f.name().startsWith(ArchiveSite.DIR))) {
            return 0;
        }
        Set<String> kept = new HashSet<>();
        written.forEach(f -> kept.add(f.name()));
        int removed = 0;
        for (String folder : List.of(ArchiveSite.DIR, ArchiveSite.DIR + "stories/")) {
            Path dir = outputDir.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String name = folder + f.getFileName();
                    if (STALE_FORMS.matcher(name).matches() && !kept.contains(name) && Files.deleteIfExists(f)) {
                        removed++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the archive site's old pages cannot be removed from " + dir, e);
            }
        }
        if (removed > 0) {
            LOG.info("deliver-file: removed {} page(s) of the archive site that it no longer has", removed);
        }
        return removed;
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
