package uk.assure.report;

import org.springframework.stereotype.Component;
import uk.assure.web.Formats;

/** A pack in each of its forms: the HTML content, the PDF and the Word document, all from one {@link BoardPack}. */
@Component
class PackFiles {

    private final PackDocuments documents;
    private final PackDocx docx;
    private final PackWords words;
    private final Formats formats;

    PackFiles(PackDocuments documents, PackDocx docx, PackWords words, Formats formats) {
        this.documents = documents;
        this.docx = docx;
        this.words = words;
        this.formats = formats;
    }

    String html(BoardPack pack) {
        return documents.contentHtml(pack, words);
    }

    byte[] pdf(BoardPack pack) {
        return documents.pdf(pack, words);
    }

    byte[] docx(BoardPack pack) {
        return docx.docx(pack);
    }

    PackWords words() {
        return words;
    }

    Formats formats() {
        return formats;
    }
}
