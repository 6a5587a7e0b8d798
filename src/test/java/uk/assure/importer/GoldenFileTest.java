package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plans in layouts of our own (not the seeds), each beside the JSON it must parse to, checked by hand when written.
 * After a deliberate change, {@code ./mvnw test -Dtest=GoldenFileTest -Dgolden.write=true} rewrites the expected
 * files; read the diff before committing it.
 */
class GoldenFileTest {

    private static final Path GOLDEN = Path.of("src/test/resources/importer/golden");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> documents() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".expected.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void parsesToItsExpectedJson(Path document) throws IOException {
        String name = document.getFileName().toString();
        Path expectedFile = GOLDEN.resolve(name.substring(0, name.lastIndexOf('.')) + ".expected.json");
        String actual = PlanJson.write(PlanParsers.standard().parse(name, Files.readAllBytes(document)));

        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(expectedFile, actual + "\n");
        }
        assertThat(expectedFile).as("expected JSON beside " + name).exists();
        JsonNode expected = JSON.readTree(Files.readString(expectedFile));
        assertThat(JSON.readTree(actual)).as(name).isEqualTo(expected);
    }
}
