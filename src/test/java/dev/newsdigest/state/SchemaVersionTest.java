package dev.newsdigest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The schema version the state checks before it starts Flyway is the highest migration shipped. */
class SchemaVersionTest {
    @Test
    void theSchemaVersionIsTheHighestMigration() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            int highest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.+\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElse(0);
            assertThat(Database.SCHEMA_VERSION).isEqualTo(highest);
        }
    }
}
