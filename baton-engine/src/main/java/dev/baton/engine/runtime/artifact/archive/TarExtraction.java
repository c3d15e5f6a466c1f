package dev.baton.engine.runtime.artifact.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Extracts the entries of a tar stream (optionally only those under a sub-path) into an {@link ExtractionTree}. */
final class TarExtraction {
    private TarExtraction() {
    }

    /** Returns how many entries were extracted. */
    static int extract(InputStream tar, ExtractionTree tree, String subPath) throws IOException {
        int extracted = 0;
        TarArchiveInputStream entries = new TarArchiveInputStream(tar);
        for (TarArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
            Optional<String> relative = EntryNames.select(EntryNames.normalise(entry.getName()), subPath);
            if (relative.isEmpty()) {
                continue;
            }
            write(entry, entries, tree, relative.get(), subPath);
            extracted++;
        }
        return extracted;
    }

    private static void write(TarArchiveEntry entry, InputStream content, ExtractionTree tree, String relative,
            String subPath) throws IOException {
        int mode = entry.getMode() & 0777;
        if (entry.isDirectory()) {
            tree.directory(relative, mode == 0 ? PosixModes.DEFAULT_DIRECTORY : mode);
        } else if (entry.isSymbolicLink()) {
            tree.symbolicLink(relative, entry.getLinkName());
        } else if (entry.isLink()) {
            Optional<String> existing = EntryNames.select(EntryNames.normalise(entry.getLinkName()), subPath);
            if (existing.isEmpty()) {
                throw new UnsafeArchiveException("refusing hard link '" + entry.getName() + "' -> '"
                        + entry.getLinkName() + "': the target lies outside the part being extracted");
            }
            tree.hardLink(relative, existing.get());
        } else if (entry.isFile()) {
            tree.file(relative, content, mode == 0 ? PosixModes.DEFAULT_FILE : mode, entry.getLastModifiedTime());
        } else {
            throw new UnsafeArchiveException("refusing archive entry '" + entry.getName()
                    + "': only files, directories and links can be extracted, not devices or pipes");
        }
    }
}
