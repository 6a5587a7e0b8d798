package uk.assure.importer;

import java.util.List;

/** Reads one format into blocks. Chosen by {@link FormatDetector} from the file's content, not only its name. */
interface DocumentReader {

    /** @throws ImportException when the file cannot be read, naming the file and what is wrong */
    List<Block> read(String fileName, byte[] content);
}
