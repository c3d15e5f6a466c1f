package dev.baton.engine.runtime.artifact.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds tar.gz and zip files with arbitrary (including malicious) entry names for extraction tests. */
final class HostileArchives {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    private HostileArchives() throws IOException {
        tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    static HostileArchives tarGz() throws IOException {
        return new HostileArchives();
    }

    HostileArchives file(String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(data.length);
        entry.setMode(0100644);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
        return this;
    }

    HostileArchives directory(String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
        entry.setMode(040755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
        return this;
    }

    HostileArchives symlink(String name, String target) throws IOException {
        return link(name, target, TarConstants.LF_SYMLINK);
    }

    HostileArchives hardLink(String name, String target) throws IOException {
        return link(name, target, TarConstants.LF_LINK);
    }

    private HostileArchives link(String name, String target, byte type) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
        return this;
    }

    byte[] build() throws IOException {
        tar.close();
        return bytes.toByteArray();
    }

    static byte[] zipWith(String name, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.putArchiveEntry(new ZipArchiveEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        return out.toByteArray();
    }
}
