package dev.baton.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A real server per test, without authentication, on the store the subclass names. */
abstract class ApiSuite {
    @TempDir
    Path home;
    TestServer server;

    abstract TestStores stores();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(home, stores(), TestServer.openConfig());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }
}
