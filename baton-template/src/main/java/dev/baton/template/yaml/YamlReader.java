package dev.baton.template.yaml;

import dev.baton.template.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads YAML or JSON files (several documents per file) into plain trees, within {@link ReadLimits},
 * reporting every problem with its line and column instead of throwing.
 */
public final class YamlReader {
    private final ReadLimits limits;

    public YamlReader(ReadLimits limits) {
        this.limits = limits;
    }

    public YamlReader() {
        this(ReadLimits.DEFAULT);
    }

    public YamlReadResult read(Path file) {
        return read(file.toString(), SourceText.read(file, limits));
    }

    /** Reads text that did not come from a file; {@code name} stands for the file in problems. */
    public YamlReadResult read(String name, String content) {
        return read(name, SourceText.of(content, limits));
    }

    private YamlReadResult read(String file, SourceText source) {
        return switch (source) {
            case SourceText.Refused refused -> new YamlReadResult(List.of(), List.of(Problem.inFile(file, refused.message())));
            case SourceText.Text text -> parse(file, text.content());
        };
    }

    private YamlReadResult parse(String file, String content) {
        List<YamlDocument> documents = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        EventTreeBuilder builder = null;
        int index = 0;
        try {
            for (Event event : new Yaml(loaderOptions()).parse(new StringReader(content))) {
                if (event.is(Event.ID.DocumentStart)) {
                    builder = new EventTreeBuilder(limits);
                } else if (event.is(Event.ID.DocumentEnd) && builder != null) {
                    for (Problem problem : builder.problems()) {
                        problems.add(problem.line() > 0 ? problem.located(file, problem.line(), problem.column())
                                : builder.sources().locate(problem, file));
                    }
                    if (builder.hasRoot() && builder.root() != null) {
                        documents.add(new YamlDocument(file, index, builder.root(), builder.sources()));
                    }
                    index++;
                    builder = null;
                } else if (builder != null) {
                    builder.accept(event);
                }
            }
        } catch (EventTreeBuilder.LimitBroken e) {
            SourceMap.Position position = EventTreeBuilder.position(e.mark);
            problems.add(new Problem(file, "", position.line(), position.column(), e.getMessage()));
        } catch (MarkedYAMLException e) {
            problems.add(syntaxProblem(file, e));
        } catch (YAMLException e) {
            problems.add(Problem.inFile(file, limitMessage(e)));
        }
        return new YamlReadResult(documents, problems);
    }

    private LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
        options.setAllowDuplicateKeys(true);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return options;
    }

    private Problem syntaxProblem(String file, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        SourceMap.Position position = EventTreeBuilder.position(mark);
        String limit = limitMessage(e);
        String language = file.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "JSON" : "YAML";
        String message = limit.equals(e.getMessage()) ? "invalid " + language + ": " + describe(e) : limit;
        return new Problem(file, "", position.line(), position.column(), message);
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        return context.isEmpty() ? problem : problem.isEmpty() ? context : context + ", " + problem;
    }

    private String limitMessage(YAMLException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("Number of aliases")) {
            return "the document has more than " + limits.maxAliases()
                    + " aliases to collections (limit on alias expansion)";
        }
        if (text.contains("Nesting Depth") || text.contains("nesting depth")) {
            return "the document nests deeper than " + limits.maxDepth() + " levels (limit on nesting depth)";
        }
        if (text.contains("exceeds the limit")) {
            return "document is larger than the " + limits.maxBytesText() + " limit on document size";
        }
        if (e instanceof MarkedYAMLException) {
            return text;
        }
        return "invalid YAML: " + text;
    }
}
