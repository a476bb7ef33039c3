package dev.podsearch.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    @TempDir
    Path cache;

    @Test
    void extractsOnceAndReusesTheFilesOnTheNextLoad() throws Exception {
        ModelFiles.Paths first = ModelFiles.extract(ModelKind.ALL_MINILM_L6_V2_Q, cache);
        FileTime marker = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(first.model(), marker);

        ModelFiles.Paths second = ModelFiles.extract(ModelKind.ALL_MINILM_L6_V2_Q, cache);

        assertEquals(first, second);
        assertEquals(22_972_370, Files.size(second.model()));
        assertEquals(marker, Files.getLastModifiedTime(second.model()), "the model was written again");
        try (var files = Files.list(first.model().getParent())) {
            assertEquals(2, files.count(), "only the model and the tokenizer, no leftover temporary files");
        }
    }

    @Test
    void replacesAFileOfTheWrongSize() throws Exception {
        Path model = ModelFiles.extract(ModelKind.ALL_MINILM_L6_V2_Q, cache).model();
        Files.write(model, new byte[] {1, 2, 3});

        ModelFiles.extract(ModelKind.ALL_MINILM_L6_V2_Q, cache);

        assertEquals(22_972_370, Files.size(model));
    }

    @Test
    void rejectsAnUnknownModelNamingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelKind.fromConfig("gpt"));
        assertEquals("unknown embedding.model 'gpt'; one of: bge-small-en-v15-q, all-minilm-l6-v2-q", e.getMessage());
    }
}
