package dev.baton.cli.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A document read from a local file to send to a server (the server validates it): the first document of the
 * wanted kind, with {@code -p NAME=VALUE} applied to {@code spec.arguments.parameters} as {@code argo submit} does.
 */
final class WorkflowFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private WorkflowFile() {
    }

    /**
     * A document of the file: its tree, and the file's text when the document is all the file holds.
     *
     * @param tree     the document, to change and send as JSON
     * @param onlyText the whole file when it holds this one document (sent as it is, problems keep its lines)
     */
    record Document(ObjectNode tree, String onlyText) {
    }

    /** The first document of {@code kind} in the file; a missing file, bad YAML or no such document fail with 2. */
    static Document read(Path file, String kind) {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RemoteFailure(file + ": no such file", 2);
        } catch (IOException e) {
            throw new RemoteFailure("cannot read " + file + ": " + e.getMessage(), 2);
        }
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
            List<JsonNode> all = documents.readAll();
            for (JsonNode document : all) {
                if (document instanceof ObjectNode object && kind.equals(object.path("kind").asText())) {
                    return new Document(object, all.size() == 1 ? text : null);
                }
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr();
            throw new RemoteFailure(file + where + ": not valid YAML or JSON: " + e.getOriginalMessage(), 2);
        } catch (IOException | RuntimeException e) {
            throw new RemoteFailure(file + ": not valid YAML or JSON: " + e.getMessage(), 2);
        }
        throw new RemoteFailure(file + ": no document of kind " + kind, 2);
    }

    /** Sets each {@code NAME=VALUE}: replaces a declared parameter's value or adds the parameter. */
    static void applyParameters(ObjectNode workflow, List<String> parameters) {
        for (String parameter : parameters) {
            int eq = parameter.indexOf('=');
            if (eq <= 0) {
                throw new RemoteFailure("-p takes NAME=VALUE, not '" + parameter + "'", 2);
            }
            String name = parameter.substring(0, eq);
            String value = parameter.substring(eq + 1);
            JsonNode specNode = workflow.path("spec");
            if (!specNode.isObject()) {
                throw new RemoteFailure("the workflow has no spec to set parameter '" + name + "' in", 2);
            }
            ObjectNode spec = (ObjectNode) specNode;
            ObjectNode arguments = spec.path("arguments").isObject() ? (ObjectNode) spec.get("arguments")
                    : spec.putObject("arguments");
            ArrayNode list = arguments.path("parameters").isArray() ? (ArrayNode) arguments.get("parameters")
                    : arguments.putArray("parameters");
            ObjectNode existing = null;
            for (JsonNode p : list) {
                if (p instanceof ObjectNode o && name.equals(o.path("name").asText())) {
                    existing = o;
                }
            }
            if (existing == null) {
                existing = list.addObject().put("name", name);
            }
            existing.remove("valueFrom");
            existing.put("value", value);
        }
    }
}
