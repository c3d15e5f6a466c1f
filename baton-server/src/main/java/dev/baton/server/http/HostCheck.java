package dev.baton.server.http;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Without authentication, anyone whose page a browser shows can reach a server on loopback by pointing a DNS name
 * at 127.0.0.1 (DNS rebinding): the browser then sends that name as {@code Host}. Requests are served only when
 * their {@code Host} names this server — a loopback name, the address it listens on, or a configured host — and a
 * state-changing request sent by a page only when its {@code Origin} does too.
 */
public final class HostCheck {
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final Set<String> allowed;

    private HostCheck(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /**
     * The hosts a server listening on {@code address} answers to: loopback names, the address itself (every local
     * interface's address when it is a wildcard) and {@code configured} (host names, without ports).
     */
    public static HostCheck forAddress(String address, List<String> configured) {
        Set<String> hosts = new HashSet<>();
        for (String loopback : List.of("localhost", "127.0.0.1", "::1", address)) {
            hosts.add(normal(loopback));
        }
        try {
            InetAddress bound = InetAddress.getByName(address);
            if (bound.isAnyLocalAddress()) {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress local : Collections.list(nic.getInetAddresses())) {
                        hosts.add(normal(local.getHostAddress()));
                    }
                }
            }
        } catch (UnknownHostException | SocketException e) {
            // a name that does not resolve is still accepted as itself
        }
        for (String host : configured) {
            hosts.add(normal(host));
        }
        return new HostCheck(hosts);
    }

    /** Refuses the request with 403 when its Host, or the Origin of a state-changing request, is not this server. */
    public void check(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !allowed.contains(hostOf(host))) {
            throw new ApiError(403, "Forbidden", "the Host header does not name this server; a server without "
                    + "authentication answers only to localhost, the address it listens on and the hosts listed "
                    + "in auth.allowedHosts");
        }
        String origin = ctx.header("Origin");
        if (origin != null && CHANGING.contains(ctx.method().name()) && !allowed.contains(originHost(origin))) {
            throw new ApiError(403, "Forbidden", "requests from a web page of another site may not change anything "
                    + "on a server without authentication (Origin is not this server)");
        }
    }

    /** The host part of a Host header, lower-case and without the port or an IPv6 literal's brackets. */
    static String hostOf(String header) {
        String h = header.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? "" : normal(h.substring(1, end));
        }
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && h.indexOf(':') == colon) {
            h = h.substring(0, colon);
        }
        return normal(h);
    }

    private static String originHost(String origin) {
        try {
            String host = URI.create(origin.trim()).getHost();
            return host == null ? "" : hostOf(host);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String normal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        int zone = h.indexOf('%');
        h = zone >= 0 ? h.substring(0, zone) : h;
        if (h.indexOf(':') >= 0) {
            try {
                // an IPv6 literal (parsed without a lookup) keyed by its bytes: ::1 and 0:0:0:0:0:0:0:1 alike
                return "ipv6:" + java.util.HexFormat.of().formatHex(InetAddress.getByName(h).getAddress());
            } catch (UnknownHostException e) {
                return h;
            }
        }
        return h;
    }
}
