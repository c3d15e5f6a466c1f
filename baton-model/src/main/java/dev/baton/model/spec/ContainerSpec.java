package dev.baton.model.spec;

import java.util.List;

/** A Kubernetes container: what to run and with which environment. */
public record ContainerSpec(
        String name,
        String image,
        List<String> command,
        List<String> args,
        String workingDir,
        List<EnvVar> env,
        List<Object> envFrom,
        List<Object> volumeMounts,
        Object resources,
        Object securityContext,
        List<Object> ports,
        String imagePullPolicy,
        Object lifecycle,
        Object livenessProbe,
        Object readinessProbe,
        Object startupProbe,
        Boolean stdin,
        Boolean stdinOnce,
        Boolean tty,
        String terminationMessagePath,
        String terminationMessagePolicy,
        List<Object> volumeDevices,
        List<Object> resizePolicy,
        String restartPolicy) {

    public List<String> commandOrEmpty() {
        return command == null ? List.of() : command;
    }

    public List<String> argsOrEmpty() {
        return args == null ? List.of() : args;
    }

    public List<EnvVar> envOrEmpty() {
        return env == null ? List.of() : env;
    }

    /** One environment variable; {@code valueFrom} (secrets, fields) is Kubernetes-only. */
    public record EnvVar(String name, String value, Object valueFrom) {
    }
}
