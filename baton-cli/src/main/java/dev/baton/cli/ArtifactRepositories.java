package dev.baton.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.baton.artifact.s3.S3RepositoryObjects;
import dev.baton.artifact.s3.S3StoreSettings;
import dev.baton.engine.runtime.artifact.repository.FilesystemObjects;
import dev.baton.engine.runtime.artifact.repository.RepositoryConfig;
import dev.baton.engine.runtime.artifact.repository.RepositoryOpener;
import dev.baton.engine.runtime.artifact.repository.RepositorySpec;
import dev.baton.engine.runtime.artifact.repository.RunRepository;
import dev.baton.engine.runtime.artifact.repository.Secrets;
import dev.baton.model.spec.WorkflowSpec;

import java.io.IOException;
import dev.baton.spi.file.ContainedPath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Chooses a run's artifact repository the way Argo does: {@code spec.artifactRepositoryRef}, else the default entry
 * of {@code $BATON_HOME/artifact-repositories.yaml}, else the built-in one ({@code $BATON_HOME/repository}, or the
 * {@code BATON_S3_*} bucket when {@code BATON_ARTIFACT_STORE=s3}); and connects to repositories.
 */
final class ArtifactRepositories {
    static final String DEFAULT_CONFIG_MAP = "artifact-repositories";
    private static final Pattern CONFIG_MAP = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ArtifactRepositories() {
    }

    static RunRepository choose(Path home, WorkflowSpec.ArtifactRepositoryRef ref, Map<String, String> env) {
        String configMap = ref == null || ref.configMap() == null || ref.configMap().isBlank() ? DEFAULT_CONFIG_MAP
                : ref.configMap();
        if (!CONFIG_MAP.matcher(configMap).matches()) {
            return new RunRepository.Missing("spec.artifactRepositoryRef.configMap: '" + configMap
                    + "' is not a valid name");
        }
        RepositoryConfig config;
        try {
            Path file = ContainedPath.resolve(home, configMap + ".yaml");
            config = Files.isRegularFile(file) ? read(file, home) : null;
        } catch (IOException | IllegalArgumentException e) {
            return new RunRepository.Missing("artifact repositories: " + e.getMessage());
        }
        if (ref != null) {
            String key = ref.key() == null || ref.key().isBlank() ? config == null ? null : config.defaultKey()
                    : ref.key();
            if (config == null || key == null || !config.repositories().containsKey(key)) {
                return new RunRepository.Missing("spec.artifactRepositoryRef: no artifact repository '"
                        + (key == null ? "(default)" : key) + "' in configMap '" + configMap + "' (file " + configMap
                        + ".yaml under BATON_HOME"
                        + (config == null ? ", which does not exist)" : ", which has: "
                        + String.join(", ", config.repositories().keySet()) + ")"));
            }
            return new RunRepository.Ready(config.repositories().get(key), true);
        }
        if (config != null && config.defaultKey() != null) {
            return new RunRepository.Ready(config.repositories().get(config.defaultKey()), true);
        }
        if ("s3".equals(env.get("BATON_ARTIFACT_STORE"))) {
            return new RunRepository.Ready(new RepositorySpec.S3(env.get("BATON_S3_BUCKET"), null, null, false, null,
                    null, null), false);
        }
        return new RunRepository.Ready(new RepositorySpec.Filesystem(home.resolve("repository"), null), false);
    }

    /**
     * Connects to a repository with the secrets of {@code namespace}; S3 fields a spec leaves out come from
     * {@code BATON_S3_*}.
     */
    static RepositoryOpener opener(Path home, Map<String, String> env, String namespace) {
        Secrets secrets = new Secrets(env, home.resolve("secrets"), namespace);
        return spec -> switch (spec) {
            case RepositorySpec.Filesystem fs -> new FilesystemObjects(fs.root());
            case RepositorySpec.S3 s3 -> {
                Map<String, String> settings = new LinkedHashMap<>();
                settings.put(S3StoreSettings.BUCKET, s3.bucket());
                if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
                    settings.put(S3StoreSettings.ENDPOINT, s3.endpoint().contains("://") ? s3.endpoint()
                            : (s3.insecure() ? "http://" : "https://") + s3.endpoint());
                }
                if (s3.region() != null) {
                    settings.put(S3StoreSettings.REGION, s3.region());
                }
                if (s3.accessKeySecret() != null || s3.secretKeySecret() != null) {
                    if (s3.accessKeySecret() == null || s3.secretKeySecret() == null) {
                        throw new IllegalArgumentException("an s3 location needs both accessKeySecret and"
                                + " secretKeySecret, or neither");
                    }
                    settings.put(S3StoreSettings.ACCESS_KEY, secrets.value(s3.accessKeySecret()));
                    settings.put(S3StoreSettings.SECRET_KEY, secrets.value(s3.secretKeySecret()));
                }
                settings.put(S3StoreSettings.CREATE_BUCKET, "false");
                yield new S3RepositoryObjects(S3StoreSettings.from(settings, env));
            }
        };
    }

    private static RepositoryConfig read(Path file, Path home) throws IOException {
        Map<?, ?> tree = YAML.readValue(file.toFile(), Map.class);
        if (tree == null) {
            tree = Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((k, v) -> copy.put(String.valueOf(k), v));
        // Argo's ConfigMap holds each repository as YAML text; Baton also takes it as a map
        if (copy.get("data") instanceof Map<?, ?> data) {
            Map<String, Object> parsed = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : data.entrySet()) {
                parsed.put(String.valueOf(e.getKey()), e.getValue() instanceof String text
                        ? YAML.readValue(text, Map.class) : e.getValue());
            }
            copy.put("data", parsed);
        }
        return RepositoryConfig.parse(copy, file.getFileName().toString(), home);
    }
}
