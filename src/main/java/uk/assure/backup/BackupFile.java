package uk.assure.backup;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A backup file opened for a restore, checked before anything is written: it is a whole zip (a file cut short has
 * no directory at its end), {@code SHA256SUMS} matches {@code manifest.json} and {@code data.sql}, and each table's
 * rows match their count and checksum in the manifest. Each refusal names what is wrong.
 */
final class BackupFile implements Closeable {

    private final Path path;
    private final ZipFile zip;
    private final Manifest manifest;

    private final Map<String, String> sums;

    private BackupFile(Path path, ZipFile zip, Manifest manifest, Map<String, String> sums) {
        this.path = path;
        this.zip = zip;
        this.manifest = manifest;
        this.sums = sums;
    }

    /** Opens FILE and checks its manifest against SHA256SUMS; {@link #checkData()} then reads the data. */
    static BackupFile open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BackupRefused(file + ": no such file");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new BackupRefused(
                    file + ": not a whole Assure backup: the file is cut short (truncated) or is not a backup at all "
                            + "(it is not a complete zip archive)");
        } catch (IOException e) {
            throw new BackupRefused(
                    file + ": could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
        try {
            Map<String, String> sums = sums(file, zip);
            byte[] json = bytes(zip, file, Manifest.NAME);
            if (!Sha256.hex(json).equals(sums.get(Manifest.NAME))) {
                throw new BackupRefused(file + ": " + Manifest.NAME + " does not match its SHA-256 in "
                        + BackupWriter.SUMS + ": the manifest was changed or damaged");
            }
            Manifest manifest = Manifest.fromJson(json);
            if (!Manifest.FORMAT.equals(manifest.format()) || manifest.formatVersion() != Manifest.FORMAT_VERSION) {
                throw new BackupRefused(file + ": a backup in format " + manifest.format() + " "
                        + manifest.formatVersion() + ", which this Assure does not read (it reads "
                        + Manifest.FORMAT + " " + Manifest.FORMAT_VERSION + ")");
            }
            if (manifest.data() == null
                    || manifest.tables() == null
                    || manifest.schemaVersion() == null
                    || !manifest.data().sha256().equals(sums.get(DataSql.NAME))) {
                throw new BackupRefused(file + ": " + Manifest.NAME + " and " + BackupWriter.SUMS + " disagree about "
                        + DataSql.NAME + ": the backup was changed or damaged");
            }
            BackupFile backup = new BackupFile(file, zip, manifest, sums);
            backup.auditKey(); // checked now, with the rest, before anything is written
            return backup;
        } catch (IOException | RuntimeException e) {
            closeQuietly(zip);
            if (e instanceof BackupRefused refused) {
                throw refused;
            }
            throw new BackupRefused(file + ": " + Manifest.NAME + " cannot be read: the backup is damaged", e);
        }
    }

    Manifest manifest() {
        return manifest;
    }

    /** Reads data.sql through: its SHA-256 and size, and each table's rows against the manifest. */
    void checkData() {
        MessageDigest digest = Sha256.digest();
        Map<String, Manifest.Table> expected = new HashMap<>();
        manifest.tables().forEach(t -> expected.put(t.name(), t));
        Iterator<Manifest.Table> inOrder = manifest.tables().iterator();
        long[] size = {0};
        try (InputStream in = new DigestInputStream(data(), digest) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                size[0] += Math.max(n, 0);
                return n;
            }
        }) {
            DataSql.read(in, new DataSql.Reader() {
                private MessageDigest rows;
                private long count;

                @Override
                public void table(String name, List<String> columns) {
                    Manifest.Table table = inOrder.hasNext() ? inOrder.next() : null;
                    if (table == null
                            || !table.name().equals(name)
                            || !table.columns().equals(columns)) {
                        throw new BackupRefused(path + ": " + DataSql.NAME + " holds table " + name
                                + " where the manifest does not have it: the backup was changed or damaged");
                    }
                    rows = Sha256.digest();
                    count = 0;
                }

                @Override
                public void row(byte[] line, int length) {
                    rows.update(line, 0, length);
                    count++;
                }

                @Override
                public void end(String name) {
                    Manifest.Table table = expected.get(name);
                    if (count != table.rows()
                            || !HexFormat.of().formatHex(rows.digest()).equals(table.sha256())) {
                        throw new BackupRefused(path + ": the rows of table " + name + " in " + DataSql.NAME
                                + " do not match the manifest (" + count + " rows, the manifest says " + table.rows()
                                + ", or their SHA-256 differs): the backup was changed or damaged");
                    }
                }
            });
            in.transferTo(OutputStream.nullOutputStream());
        } catch (DataSql.DataSqlDamaged e) {
            throw new BackupRefused(path + ": " + e.getMessage());
        } catch (ZipException e) {
            throw new BackupRefused(path + ": " + DataSql.NAME + " is damaged: the archive's own check of it fails", e);
        } catch (IOException e) {
            throw new BackupRefused(
                    path + ": " + DataSql.NAME + " could not be read to the end: the backup is "
                            + "damaged or cut short",
                    e);
        }
        if (inOrder.hasNext()) {
            throw new BackupRefused(path + ": table " + inOrder.next().name() + " is in the manifest but not in "
                    + DataSql.NAME + ": the backup was changed or damaged");
        }
        if (size[0] != manifest.data().bytes()
                || !HexFormat.of()
                        .formatHex(digest.digest())
                        .equals(manifest.data().sha256())) {
            throw new BackupRefused(path + ": " + DataSql.NAME + " does not match its SHA-256 in the manifest: the "
                    + "backup was changed or damaged");
        }
    }

    /** The embedded default's audit key, when the backup holds it (checked against SHA256SUMS); else null. */
    byte[] auditKey() throws IOException {
        if (manifest.auditKey() == null) {
            return null;
        }
        byte[] key = bytes(zip, path, Backups.AUDIT_KEY);
        if (!Sha256.hex(key).equals(sums.get(Backups.AUDIT_KEY))) {
            throw new BackupRefused(path + ": " + Backups.AUDIT_KEY + " does not match its SHA-256 in "
                    + BackupWriter.SUMS + ": the backup was changed or damaged");
        }
        return key;
    }

    /** data.sql as stored; read it only after {@link #checkData()}. */
    InputStream data() throws IOException {
        ZipEntry entry = zip.getEntry(DataSql.NAME);
        if (entry == null) {
            throw new BackupRefused(path + ": " + DataSql.NAME + " is missing: not a whole Assure backup");
        }
        return new BufferedInputStream(zip.getInputStream(entry), 1 << 16);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static Map<String, String> sums(Path file, ZipFile zip) throws IOException {
        Map<String, String> sums = new HashMap<>();
        for (String line : new String(bytes(zip, file, BackupWriter.SUMS), StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.split(" {2}", 2);
            if (parts.length == 2) {
                sums.put(parts[1], parts[0]);
            }
        }
        return sums;
    }

    private static byte[] bytes(ZipFile zip, Path file, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new BackupRefused(file + ": " + name + " is missing: not a whole Assure backup");
        }
        if (entry.getSize() > 64L << 20) {
            throw new BackupRefused(file + ": " + name + " is far larger than any backup's: not an Assure backup");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // the refusal that follows says what matters
        }
    }
}
