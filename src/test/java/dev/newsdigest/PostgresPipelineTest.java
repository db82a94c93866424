package dev.newsdigest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import dev.newsdigest.config.DatabaseSettings;
import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.Postgres;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The whole pipeline with its state on a real PostgreSQL (digest.db.url) instead of the embedded database. */
class PostgresPipelineTest extends PipelineTestSupport {
    private DatabaseSettings db;

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        db = Postgres.freshDatabase();
        p.put("digest.db.url", db.url());
        p.put("digest.db.user", db.user());
        return p;
    }

    @Test
    void aPollAndAPublishOnPostgresGiveTheDigestWithEachArticleOnce() throws Exception {
        poll();
        poll(); // nothing new: no second model call
        publish();

        JsonNode digest = digestJson();
        assertThat(digest.path("items")).hasSize(3);
        assertThat(digest.path("incidents")).hasSize(1);
        assertThat(model.articleRequests()).hasSize(3);
        assertThat(markdown()).contains("## ニュース", "### 日本の侵害事例");
        // the state is in PostgreSQL: the state folder holds no database file and no lock file
        try (var files = java.nio.file.Files.list(work.resolve("state"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("digest.") || f.equals("writer.lock"));
        }
        try (var c = java.sql.DriverManager.getConnection(db.url(), db.user(), null);
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM article WHERE status = 'DONE'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4);
        }
    }
}
