package dev.baton.cli;

import dev.baton.server.BatonHome;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code baton server}: serves Argo Server's REST API and runs the workflows submitted to it. */
@Command(name = "server", description = "Serves the REST API and runs submitted workflows until stopped.")
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--address", paramLabel = "ADDRESS", description = "Address to listen on (default 127.0.0.1).")
    String address;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 2746).")
    Integer port;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML configuration file.")
    Path config;

    @Option(names = "--auth", paramLabel = "MODE", description = "token (default) or none.")
    String auth;

    @Option(names = "--insecure-no-auth", description = "Allows --auth none on a non-loopback address.")
    boolean insecureNoAuth;

    @Option(names = "--insecure-steps", description = "Where this host allows steps no sandbox, runs them anyway,"
            + " unisolated as the server's own user (able to read and change all it can, Baton's data included);"
            + " without it such steps end in error.")
    boolean insecureSteps;

    @Override
    public Integer call() throws Exception {
        ServerConfig settings;
        try {
            settings = ServerConfig.load(config, System.getenv());
            if (address != null) {
                settings = settings.withAddress(address);
            }
            if (port != null) {
                settings = settings.withPort(port);
            }
            if (auth != null && !auth.equals("token") && !auth.equals("none")) {
                throw new ServerConfig.ConfigException("--auth must be token or none, not '" + auth + "'");
            }
            settings = settings.withAuth(auth == null ? settings.authRequired() : auth.equals("token"),
                    insecureNoAuth || settings.insecureNoAuth());
            settings = settings.withInsecureSteps(insecureSteps || settings.insecureSteps());
            settings.checkExposure();
        } catch (ServerConfig.ConfigException e) {
            System.err.println("baton: " + e.getMessage());
            return Baton.EXIT_INVALID;
        }
        BatonServer server = BatonServer.start(settings, BatonHome.resolve());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "baton-server-shutdown"));
        System.err.println("listening on " + server.uri());
        stopped.await();
        return 0;
    }
}
