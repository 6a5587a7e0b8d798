package uk.assure.importer;

import java.util.ArrayList;
import java.util.List;

/** The warnings stage of a reading: each piece of text that went into no field, with where it was in the document. */
final class Warnings {

    private final String fileName;
    private final List<ParsedPlan.Warning> list = new ArrayList<>();

    Warnings(String fileName) {
        this.fileName = fileName;
    }

    /** A warning at a place in the document, or at the file when the place is not known. */
    void warn(SourceLocation at, String message) {
        list.add(new ParsedPlan.Warning(at == null ? fileName : at.describe(), message));
    }

    /** "not imported (why): 'the text'", the form of every warning about text left out. */
    void notImported(SourceLocation at, String why, String text) {
        warn(at, "not imported (" + why + "): " + Text.excerpt(text));
    }

    /** A warning about the whole file, put before all the others. */
    void first(String message) {
        list.add(0, new ParsedPlan.Warning(fileName, message));
    }

    /** The live list, for the field parsers to add to. */
    List<ParsedPlan.Warning> list() {
        return list;
    }

    List<ParsedPlan.Warning> copy() {
        return List.copyOf(list);
    }
}
