package dev.baton.engine.runtime.artifact.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Extracts a zip file into an {@link ExtractionTree}. It reads the central directory, because only there
 * does a zip record Unix modes and which entries are symbolic links.
 */
final class ZipExtraction {
    private static final int MAX_LINK_TARGET = 4096;

    private ZipExtraction() {
    }

    static void extract(Path zipFile, ExtractionTree tree) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(zipFile).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                extractEntry(zip, entries.nextElement(), tree);
            }
        }
    }

    private static void extractEntry(ZipFile zip, ZipArchiveEntry entry, ExtractionTree tree) throws IOException {
        String relative = EntryNames.normalise(entry.getName());
        int mode = entry.getUnixMode() & 0777;
        if (entry.isDirectory()) {
            tree.directory(relative, mode == 0 ? PosixModes.DEFAULT_DIRECTORY : mode);
        } else if (entry.isUnixSymlink()) {
            if (entry.getSize() > MAX_LINK_TARGET) {
                throw new UnsafeArchiveException("refusing link '" + entry.getName() + "': its target is too long");
            }
            tree.symbolicLink(relative, zip.getUnixSymlink(entry));
        } else {
            try (InputStream content = zip.getInputStream(entry)) {
                tree.file(relative, content, mode == 0 ? PosixModes.DEFAULT_FILE : mode, entry.getLastModifiedTime());
            }
        }
    }
}
