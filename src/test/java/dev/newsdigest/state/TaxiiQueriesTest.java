package dev.newsdigest.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.newsdigest.config.DatabaseSettings;
import dev.newsdigest.state.IntelQueries.Cursor;
import dev.newsdigest.state.IntelQueries.Filter;
import dev.newsdigest.state.IntelQueries.Page;
import dev.newsdigest.state.IntelQueries.Versions;
import dev.newsdigest.support.Postgres;
import dev.newsdigest.support.StixCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TAXII collection's queries on both databases of the state, the embedded H2 and a real PostgreSQL, over
 * {@value StixCollection#OBJECTS} objects published in three revisions ({@link StixCollection}): paging by cursor and by
 * {@code added_after} gives every object once, and each version filter selects what TAXII says it selects.
 */
class TaxiiQueriesTest {
    @TempDir
    Path dir;
    private final List<StateStore> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(StateStore::close);
    }

    private StateStore filled(String database) {
        DatabaseSettings db = database.equals("postgres") ? Postgres.freshDatabase() : DatabaseSettings.EMBEDDED;
        StateStore store = new StateStore(dir, db, 4, ZoneOffset.UTC, Duration.ofMinutes(5), Clock.systemUTC());
        opened.add(store);
        StixCollection.publish(store, store.today());
        return store;
    }

    /** Every page from the first, by cursor, as one list. */
    private static List<IntelLedger.StoredObject> walk(Function<Cursor, Page> pages) {
        List<IntelLedger.StoredObject> all = new ArrayList<>();
        Cursor next = null;
        do {
            Page page = pages.apply(next);
            all.addAll(page.rows());
            next = page.next();
            assertThat(page.more()).isEqualTo(next != null);
        } while (next != null);
        return all;
    }

    private static Filter filter(Instant addedAfter, Versions versions) {
        return new Filter(addedAfter, List.of(), List.of(), versions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void pagesByCursorGiveEveryObjectsLastVersionOnceInTheOrderAdded(String database) {
        StateStore store = filled(database);
        IntelQueries q = store.taxii();

        List<IntelLedger.StoredObject> got = walk(next -> q.objects(Filter.latest(), next, 100));

        assertThat(got).hasSize(StixCollection.OBJECTS).containsExactlyElementsOf(StixCollection.lastVersions(store));
        assertThat(got.stream().map(IntelLedger.StoredObject::id).distinct()).hasSize(StixCollection.OBJECTS);
        // the 850 objects never changed first, then the 50 changed once, then the 50 changed twice
        assertThat(got.subList(StixCollection.OBJECTS - StixCollection.CHANGED, StixCollection.OBJECTS))
                .allSatisfy(o -> assertThat(StixCollection.json(o).path("name").asText()).contains("(revised"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void pagesByAddedAfterFromEachPagesLastDateGiveTheSameObjects(String database) {
        StateStore store = filled(database);
        IntelQueries q = store.taxii();

        List<IntelLedger.StoredObject> got = new ArrayList<>();
        Instant addedAfter = null;
        while (true) {
            Page page = q.objects(filter(addedAfter, Versions.LAST), null, 128);
            if (page.rows().isEmpty()) {
                break;
            }
            got.addAll(page.rows());
            addedAfter = page.rows().get(page.rows().size() - 1).dateAdded();
        }

        assertThat(got).containsExactlyElementsOf(StixCollection.lastVersions(store));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void versionFiltersSelectAllFirstLastOrExactVersions(String database) {
        StateStore store = filled(database);
        IntelQueries q = store.taxii();
        List<IntelLedger.StoredObject> stored = StixCollection.stored(store);

        assertThat(walk(next -> q.manifest(filter(null, Versions.ALL), next, 500))).hasSize(StixCollection.VERSIONS)
                .extracting(IntelLedger.StoredObject::version).containsExactlyElementsOf(stored.stream().map(IntelLedger.StoredObject::version).toList());
        assertThat(walk(next -> q.objects(filter(null, new Versions(false, true, false, List.of())), next, 300)))
                .containsExactlyElementsOf(StixCollection.firstVersions(store));
        List<IntelLedger.StoredObject> firstAndLast = walk(next -> q.objects(filter(null, new Versions(false, true, true, List.of())), next, 300));
        Set<IntelLedger.StoredObject> expected = new HashSet<>(StixCollection.firstVersions(store));
        expected.addAll(StixCollection.lastVersions(store));
        assertThat(firstAndLast).containsExactlyInAnyOrderElementsOf(expected).hasSize(StixCollection.OBJECTS + StixCollection.CHANGED);

        // a changed indicator's three versions, each by its exact value
        String changed = StixCollection.lastVersions(store).get(StixCollection.OBJECTS - 1).id();
        List<IntelLedger.StoredObject> versions = stored.stream().filter(o -> o.id().equals(changed)).toList();
        assertThat(versions).hasSize(3);
        Filter middle = new Filter(null, List.of(changed), List.of(), new Versions(false, false, false, List.of(versions.get(1).version())));
        assertThat(q.objects(middle, null, 10).rows()).containsExactly(versions.get(1));
        // the same value matches every object that has a version with it: 100 indicators were revised on the same day
        Filter revised = new Filter(null, List.of(), List.of(), new Versions(false, false, false, List.of(versions.get(1).version())));
        assertThat(walk(next -> q.manifest(revised, next, 500))).hasSize(StixCollection.CHANGED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void firstAndLastAreTakenAmongTheVersionsAddedAfter(String database) {
        StateStore store = filled(database);
        IntelQueries q = store.taxii();
        List<IntelLedger.StoredObject> stored = StixCollection.stored(store);
        // after revision 1: only the changed indicators, their second version first and their newest last
        Instant afterFirstRevision = stored.get(StixCollection.OBJECTS - 1).dateAdded();

        List<IntelLedger.StoredObject> first = walk(next -> q.objects(filter(afterFirstRevision, new Versions(false, true, false, List.of())), next, 500));
        List<IntelLedger.StoredObject> last = walk(next -> q.objects(filter(afterFirstRevision, Versions.LAST), next, 500));

        assertThat(first).hasSize(StixCollection.CHANGED).allSatisfy(o -> assertThat(StixCollection.json(o).path("name").asText()).endsWith("(revised 2)"));
        assertThat(last).hasSize(StixCollection.CHANGED).containsExactlyElementsOf(StixCollection.lastVersions(store).subList(
                StixCollection.OBJECTS - StixCollection.CHANGED, StixCollection.OBJECTS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void typeAndIdFiltersAreAndedAndEachTakesSeveralValues(String database) {
        StateStore store = filled(database);
        IntelQueries q = store.taxii();
        List<IntelLedger.StoredObject> last = StixCollection.lastVersions(store);
        String observable = last.stream().filter(o -> o.type().equals("ipv4-addr")).findFirst().orElseThrow().id();
        String indicator = last.stream().filter(o -> o.type().equals("indicator")).findFirst().orElseThrow().id();

        assertThat(walk(next -> q.manifest(new Filter(null, List.of(), List.of("ipv4-addr"), Versions.LAST), next, 70)))
                .hasSize(StixCollection.OBSERVABLES).allSatisfy(o -> assertThat(o.json()).isNull());
        assertThat(q.objects(new Filter(null, List.of(), List.of("indicator", "ipv4-addr"), Versions.LAST), null, 500).rows()).hasSize(500);
        assertThat(q.objects(new Filter(null, List.of(observable, indicator), List.of(), Versions.LAST), null, 10).rows())
                .extracting(IntelLedger.StoredObject::id).containsExactlyInAnyOrder(observable, indicator);
        assertThat(q.objects(new Filter(null, List.of(observable, indicator), List.of("indicator"), Versions.LAST), null, 10).rows())
                .extracting(IntelLedger.StoredObject::id).containsExactly(indicator);
        assertThat(q.objects(new Filter(null, List.of(), List.of("malware"), Versions.LAST), null, 10).rows()).isEmpty();
        assertThat(q.exists(observable)).isTrue();
        assertThat(q.exists("indicator--00000000-0000-4000-8000-000000000000")).isFalse();
    }

    @Test
    void aCursorIsOpaqueTextThatOnlyThisServerReads() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-25T16:00:00.123456Z"), "indicator--3600ad1b-fff1-4c98-bcc9-4de3bc2e2ffb",
                "2026-11-25T16:00:00.123Z");

        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        for (String bad : List.of("", "!!", "MTIz", "MXwxfHZ8", cursor.encode().substring(3))) {
            assertThatThrownBy(() -> Cursor.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
