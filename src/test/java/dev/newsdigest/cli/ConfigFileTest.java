package dev.newsdigest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.newsdigest.config.ConfigException;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dnews-digest.config=FILE} (set by an install's {@code bin/news-digest}): that file in place of the working
 * directory's application.properties, the jar's defaults behind it; without the property nothing changes.
 */
class ConfigFileTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(Launch.CONFIG_PROPERTY);
    }

    @Test
    void withoutThePropertyTheWorkingDirectorysFileAndTheJarAreRead() {
        assertThat(Launch.propertyLocations()).isEqualTo(Launch.PROPERTY_LOCATIONS);
        assertThat(Launch.configFile()).isEmpty();
    }

    @Test
    void theNamedFileAnswersFirstAndTheJarsDefaultsAnswerTheRest() throws Exception {
        Path conf = Files.writeString(dir.resolve("application.properties"), "digest.language=en\n# a comment\n");
        System.setProperty(Launch.CONFIG_PROPERTY, conf.toString());

        assertThat(Launch.propertyLocations()).isEqualTo("file:" + conf.toAbsolutePath() + ",classpath:application.properties;optional=true");
        PropertiesComponent properties = Launch.readOnlyProperties(Map.of());
        assertThat(properties.resolveProperty("digest.language")).contains("en");
        assertThat(properties.resolveProperty("digest.output.dir")).contains("digests"); // the jar's default
    }

    @Test
    void aNamedFileThatIsMissingIsOneLineNamingTheProperty() {
        System.setProperty(Launch.CONFIG_PROPERTY, dir.resolve("missing.properties").toString());

        assertThatThrownBy(Launch::propertyLocations).isInstanceOf(ConfigException.class)
                .hasMessage("news-digest.config: no readable file at " + dir.resolve("missing.properties").toAbsolutePath());
        assertThatThrownBy(() -> Launch.checkSettings(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("news-digest.config: no readable file at ");
    }

    @Test
    void aSecretInTheNamedFileIsRefusedAsInTheWorkingDirectorysFile() throws Exception {
        Path conf = Files.writeString(dir.resolve("application.properties"), "digest.llm.api-key=sk-123\n");
        System.setProperty(Launch.CONFIG_PROPERTY, conf.toString());

        assertThatThrownBy(Launch::refuseSecretsOutsideTheEnvironment).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("digest.llm.api-key: secrets are read from the environment only");
    }
}
