package dev.baton.template;

import dev.baton.model.spec.ClusterWorkflowTemplate;
import dev.baton.model.spec.Manifest;
import dev.baton.model.spec.WorkflowTemplate;
import dev.baton.template.validate.TemplateLibrary;
import dev.baton.template.validate.Validator;
import dev.baton.template.yaml.ManifestDocument;
import dev.baton.template.yaml.ManifestReadResult;
import dev.baton.template.yaml.ManifestReader;
import dev.baton.template.yaml.ReadLimits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads, binds and validates workflow files in one call. The WorkflowTemplates and
 * ClusterWorkflowTemplates of every given file (and of the extra library files) form the library that
 * {@code templateRef} and {@code workflowTemplateRef} resolve against.
 */
public final class WorkflowFiles {
    private WorkflowFiles() {
    }

    public static LoadResult load(List<Path> files) {
        return load(files, List.of(), Map.of());
    }

    /** {@code libraryFiles} only supply templates (e.g. {@code baton run --templates}); their problems are reported too. */
    public static LoadResult load(List<Path> files, List<Path> libraryFiles) {
        return load(files, libraryFiles, Map.of());
    }

    /** As {@link #load(List, List)}, with {@code parameters} ({@code -p NAME=VALUE}) applied to workflows before validation. */
    public static LoadResult load(List<Path> files, List<Path> libraryFiles, Map<String, String> parameters) {
        ManifestReader reader = new ManifestReader(ReadLimits.DEFAULT);
        List<Problem> problems = new ArrayList<>();
        List<ManifestDocument> main = read(reader, files, problems);
        List<ManifestDocument> extra = read(reader, libraryFiles, problems);
        return check(main, extra, problems, parameters);
    }

    /** A document held in memory (a request body, a template kept in a store), named for problem reports. */
    public record Text(String name, String content) {
    }

    /** As {@link #load(List, List, Map)}, for documents held in memory rather than in files. */
    public static LoadResult loadTexts(List<Text> texts, List<Text> library, Map<String, String> parameters) {
        ManifestReader reader = new ManifestReader(ReadLimits.DEFAULT);
        List<Problem> problems = new ArrayList<>();
        List<ManifestDocument> main = readTexts(reader, texts, problems);
        List<ManifestDocument> extra = readTexts(reader, library, problems);
        return check(main, extra, problems, parameters);
    }

    private static List<ManifestDocument> readTexts(ManifestReader reader, List<Text> texts, List<Problem> problems) {
        List<ManifestDocument> documents = new ArrayList<>();
        for (Text text : texts) {
            ManifestReadResult result = reader.read(text.name(), text.content());
            documents.addAll(result.documents());
            problems.addAll(result.problems());
        }
        return documents;
    }

    private static LoadResult check(List<ManifestDocument> main, List<ManifestDocument> extra, List<Problem> problems,
                                    Map<String, String> parameters) {
        List<ManifestDocument> all = new ArrayList<>(main);
        all.addAll(extra);
        duplicateTemplates(all, problems);
        TemplateLibrary library = TemplateLibrary.of(all.stream().map(ManifestDocument::manifest).toList());
        List<LoadedDocument> documents = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ManifestDocument document = all.get(i);
            boolean isMain = i < main.size();
            Manifest manifest = isMain ? ParameterOverrides.apply(document.manifest(), parameters) : document.manifest();
            for (Problem problem : Validator.validate(manifest, library)) {
                problems.add(document.locate(problem));
            }
            if (isMain) {
                documents.add(new LoadedDocument(Path.of(document.file()), document.index(), manifest));
            }
        }
        return new LoadResult(documents, problems);
    }

    private static List<ManifestDocument> read(ManifestReader reader, List<Path> files, List<Problem> problems) {
        List<ManifestDocument> documents = new ArrayList<>();
        for (Path file : files) {
            ManifestReadResult result = reader.read(file);
            documents.addAll(result.documents());
            problems.addAll(result.problems());
        }
        return documents;
    }

    private static void duplicateTemplates(List<ManifestDocument> documents, List<Problem> problems) {
        Map<String, ManifestDocument> seen = new HashMap<>();
        for (ManifestDocument document : documents) {
            Manifest manifest = document.manifest();
            boolean library = manifest instanceof WorkflowTemplate || manifest instanceof ClusterWorkflowTemplate;
            if (!library || manifest.metadata() == null || manifest.metadata().name() == null) {
                continue;
            }
            String key = manifest.kind() + "/" + manifest.metadata().name();
            ManifestDocument first = seen.putIfAbsent(key, document);
            if (first != null) {
                problems.add(document.locate(Problem.at("metadata.name", "duplicate " + manifest.kind() + " '"
                        + manifest.metadata().name() + "' (also defined in " + first.file() + ")")));
            }
        }
    }
}
