package dev.baton.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The JSON and YAML mappers the API reads and writes with. */
public final class Json {
    /** Refuses a duplicate key in what it reads: a request saying two things at once is a 400, not "last wins". */
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Json() {
    }
}
