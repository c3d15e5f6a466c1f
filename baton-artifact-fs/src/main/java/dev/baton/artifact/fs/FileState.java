package dev.baton.artifact.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/** What identifies one version of a file cheaply: its size, modification time and inode. */
record FileState(long size, FileTime modified, Object fileKey) {

    static FileState of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileState(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
    }
}
