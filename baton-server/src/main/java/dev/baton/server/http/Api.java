package dev.baton.server.http;

import dev.baton.server.auth.Action;
import dev.baton.server.auth.Guard;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;

import java.util.ArrayList;
import java.util.List;

/** Registers the API's routes, each with the action it performs, checked by the guard before its handler runs. */
public final class Api {
    /** One registered route (the OpenAPI document must name each of them). */
    public record Route(Method method, String path, Action action) {
    }

    /** The HTTP methods the API uses. */
    public enum Method { GET, POST, PUT, DELETE }

    private final JavalinConfig config;
    private final Guard guard;
    private final List<Route> routes = new ArrayList<>();

    public Api(JavalinConfig config, Guard guard) {
        this.config = config;
        this.guard = guard;
    }

    public void get(String path, Action action, Handler handler) {
        add(Method.GET, path, action, handler);
    }

    public void post(String path, Action action, Handler handler) {
        add(Method.POST, path, action, handler);
    }

    public void put(String path, Action action, Handler handler) {
        add(Method.PUT, path, action, handler);
    }

    public void delete(String path, Action action, Handler handler) {
        add(Method.DELETE, path, action, handler);
    }

    /** A route anyone may call (health, readiness, metrics, the API description). */
    public void open(String path, Handler handler) {
        routes.add(new Route(Method.GET, path, null));
        config.routes.get(path, handler);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    private void add(Method method, String path, Action action, Handler handler) {
        routes.add(new Route(method, path, action));
        Handler guarded = ctx -> {
            PathNames.check(ctx.pathParamMap());
            guard.check(ctx, action, ctx.pathParamMap().get("ns"));
            handler.handle(ctx);
        };
        switch (method) {
            case GET -> config.routes.get(path, guarded);
            case POST -> config.routes.post(path, guarded);
            case PUT -> config.routes.put(path, guarded);
            case DELETE -> config.routes.delete(path, guarded);
            default -> throw new IllegalArgumentException("unsupported method " + method);
        }
    }
}
