package uk.assure.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import uk.assure.support.DatabaseTest;

/** ASSURE_FIRST_RUN_IMPORT: the first run imports the folder's plans; a file it cannot read is skipped, not fatal. */
@DatabaseTest
@TestPropertySource(properties = "assure.first-run-import=src/test/resources/importer/first-run")
class FirstRunImportIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFolderPlansAreImportedOnceAndABrokenFileIsSkipped() {
        assertThat(jdbc.sql("SELECT title FROM plan").query(String.class).list())
                .containsExactly("Multi-agency audit improvement plan");
        assertThat(jdbc.sql("SELECT count(*) FROM action").query(Long.class).single())
                .isEqualTo(4);
    }
}
