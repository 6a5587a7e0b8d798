package uk.assure.system;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One Assure per data directory: an operating-system lock on {@code <data dir>/assure.lock}, held for as long as the
 * embedded server runs. A second Assure (or command) on the same data directory is refused before it touches
 * PostgreSQL's files, so two servers never run on the same data. The kernel drops the lock when the process ends,
 * however it ends — a {@code kill -9} included — so a stale lock file is never an obstacle.
 */
final class DataDirectoryLock implements Closeable {

    static final String FILE_NAME = "assure.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or refuses saying which process holds it and what to do. */
    static DataDirectoryLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process: another app context on the same data directory
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new StartRefused(
                        "Another Assure" + holder + " is using the data directory " + dataDir + " (it holds " + file
                                + "). Two servers on the same data would corrupt it, so this one will not start.",
                        "Stop the other one first, or give this one a data directory of its own (ASSURE_DATA_DIR).");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not lock the data directory " + dataDir + " (" + file + ")", e);
        }
    }

    /** The holder's pid, as it wrote it into the file: " (process 1234)", or nothing when unreadable. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        return pid.matches("\\d{1,10}") ? " (process " + pid + ")" : "";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the refusal or failure being reported says more than this would
            }
        }
    }

    /** Lets the next Assure in; the file itself stays (an empty, unlocked file is no obstacle). */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
