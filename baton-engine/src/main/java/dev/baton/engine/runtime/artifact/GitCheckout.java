package dev.baton.engine.runtime.artifact;

import dev.baton.model.spec.ArtifactLocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Places a {@code git} input artifact: a clone made by the host's {@code git} command ({@code repo}, {@code branch},
 * {@code revision}, {@code depth}, {@code singleBranch}, submodules unless {@code disableSubmodules}).
 */
public final class GitCheckout {
    private static final long TIMEOUT_MINUTES = 10;
    private static final int MESSAGE_TAIL = 600;

    /** Clones into {@code target}; returns why it could not, or null. */
    public String checkout(ArtifactLocation.Git git, Path target) {
        if (git.repo() == null || git.repo().isBlank()) {
            return "git: 'repo' is empty";
        }
        if (git.repo().startsWith("-")) {
            return "git: repo '" + git.repo() + "' is not a repository URL";
        }
        if (git.usernameSecret() != null || git.passwordSecret() != null || git.sshPrivateKeySecret() != null) {
            return "git: credentials (usernameSecret, passwordSecret, sshPrivateKeySecret) are not supported yet";
        }
        List<String> clone = new ArrayList<>(List.of("clone", "--quiet"));
        if (git.depth() != null && git.depth() > 0) {
            clone.add("--depth=" + git.depth());
        }
        if (Boolean.TRUE.equals(git.singleBranch())) {
            clone.add("--single-branch");
        }
        if (git.branch() != null && !git.branch().isBlank()) {
            clone.add("--branch=" + git.branch());
        }
        if (!Boolean.TRUE.equals(git.disableSubmodules())) {
            clone.add("--recurse-submodules");
        }
        clone.add("--");
        clone.add(git.repo());
        clone.add(target.toString());
        try {
            String failure = git(target.getParent(), clone);
            if (failure != null || git.revision() == null || git.revision().isBlank()) {
                return failure;
            }
            if (git(target, List.of("checkout", "--quiet", "--detach", git.revision())) == null) {
                return null;
            }
            // a shallow or single-branch clone may lack the revision: fetch it alone
            failure = git(target, List.of("fetch", "--quiet", "--depth=" + Math.max(1, git.depth() == null ? 1
                    : git.depth()), "origin", git.revision()));
            return failure != null ? failure : git(target, List.of("checkout", "--quiet", "--detach", "FETCH_HEAD"));
        } catch (IOException e) {
            return "git: cannot run the git command: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "git: interrupted";
        }
    }

    private static String git(Path directory, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "protocol.ext.allow=never"));
        command.addAll(arguments);
        Path log = Files.createTempFile("baton-git-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().put("GIT_TERMINAL_PROMPT", "0");
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return "git " + arguments.getFirst() + " did not finish within " + TIMEOUT_MINUTES + " minutes";
            }
            if (process.exitValue() == 0) {
                return null;
            }
            String output = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (output.length() > MESSAGE_TAIL) {
                output = "…" + output.substring(output.length() - MESSAGE_TAIL);
            }
            return "git " + String.join(" ", arguments.subList(0, Math.min(arguments.size(), 1)))
                    + " failed (exit " + process.exitValue() + "): " + output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
