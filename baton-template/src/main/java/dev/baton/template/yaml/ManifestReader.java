package dev.baton.template.yaml;

import dev.baton.template.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a file of Argo manifests: parses every document and binds each to its kind's record.
 * A document with binding problems is still returned when a record could be built.
 */
public final class ManifestReader {
    private final YamlReader yaml;

    public ManifestReader(ReadLimits limits) {
        this.yaml = new YamlReader(limits);
    }

    public ManifestReader() {
        this(ReadLimits.DEFAULT);
    }

    public ManifestReadResult read(Path file) {
        return bind(yaml.read(file));
    }

    public ManifestReadResult read(String name, String content) {
        return bind(yaml.read(name, content));
    }

    private static ManifestReadResult bind(YamlReadResult read) {
        List<ManifestDocument> documents = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(read.problems());
        for (YamlDocument document : read.documents()) {
            Bound<dev.baton.model.spec.Manifest> bound = ManifestKinds.bind(document.tree());
            for (Problem problem : bound.problems()) {
                problems.add(document.sources().locate(problem, document.file()));
            }
            if (bound.value() != null) {
                documents.add(new ManifestDocument(document.file(), document.index(), bound.value(),
                        document.sources()));
            }
        }
        return new ManifestReadResult(documents, problems);
    }
}
