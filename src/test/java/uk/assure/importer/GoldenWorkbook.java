package uk.assure.importer;

/** The golden Excel tracker, for tests outside this package. */
public final class GoldenWorkbook {

    private GoldenWorkbook() {}

    public static byte[] tracker() {
        return GoldenOfficeFixtures.ragTrackerXlsx();
    }
}
