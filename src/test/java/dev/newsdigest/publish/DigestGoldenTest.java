package dev.newsdigest.publish;

import dev.newsdigest.model.Digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The digest example in {@code docs/digest-example} is what the renderer writes: its JSON read back and rendered gives
 * the example's Markdown byte for byte, and the same JSON, field for field in the same order (the example's JSON is laid
 * out by hand, with short lists on one line; the renderer indents every level).
 */
class DigestGoldenTest {
    private static final Path EXAMPLE = Path.of("docs/digest-example");

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2026-11-25", "2026-11-26"}) // the second: TLP, CVE context, a merged story, a 続報
    void theDigestExampleRendersByteIdenticalAsMarkdownAndJson(String day) throws Exception {
        byte[] json = Files.readAllBytes(EXAMPLE.resolve(day + ".json"));
        byte[] markdown = Files.readAllBytes(EXAMPLE.resolve(day + ".md"));
        Digest digest = new ObjectMapper().readValue(json, Digest.class);
        DigestRenderer renderer = new DigestRenderer();

        assertThat(renderer.markdown(digest)).isEqualTo(new String(markdown, StandardCharsets.UTF_8));
        ObjectMapper mapper = new ObjectMapper();
        // the same tree with its fields in the same order: both written out the same compact way
        assertThat(mapper.writeValueAsString(mapper.readTree(renderer.json(digest))))
                .isEqualTo(mapper.writeValueAsString(mapper.readTree(json)));
    }
}
