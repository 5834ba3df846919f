package org.disclosuresearch.api;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The host names a request may address the server by. A browser page on any site can make requests to a server
 * on this machine once its own name resolves to 127.0.0.1 (DNS rebinding); it cannot forge the Host header,
 * which still names that site. So only the names the server is bound to are accepted (for a loopback binding:
 * localhost, 127.0.0.1, [::1]; for every interface: also this machine's name and addresses), plus configured ones
 * ({@code --allow-host}, {@code *} for any).
 */
final class HostAllowList {
    private final Set<String> names;
    private final boolean any;

    private HostAllowList(Set<String> names, boolean any) {
        this.names = names;
        this.any = any;
    }

    /** The names for a server bound to {@code bindHost}, plus {@code extra} (may be empty; {@code *} allows any). */
    static HostAllowList forBinding(String bindHost, Set<String> extra) {
        Set<String> names = new HashSet<>();
        for (String name : extra) {
            names.add(normalize(name));
        }
        boolean any = names.contains("*");
        names.add("localhost");
        names.add("127.0.0.1");
        names.add("::1");
        names.add(normalize(bindHost));
        if (isWildcard(bindHost)) {
            addMachineNames(names);
        }
        return new HostAllowList(Set.copyOf(names), any);
    }

    /** Whether a request's Host header (name, name:port, [v6]:port; null when the client sent none) is accepted. */
    boolean allows(String hostHeader) {
        if (any || hostHeader == null || hostHeader.isEmpty()) {
            return true; // no Host at all: HTTP/1.0 tools, never a browser
        }
        return names.contains(normalize(withoutPort(hostHeader)));
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        return colon >= 0 && host.indexOf(':', colon + 1) < 0 ? host.substring(0, colon) : host;
    }

    private static String normalize(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        if (n.equals("0:0:0:0:0:0:0:1")) {
            n = "::1";
        }
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static boolean isWildcard(String bindHost) {
        String n = normalize(bindHost);
        return n.equals("0.0.0.0") || n.equals("::") || n.equals("0:0:0:0:0:0:0:0");
    }

    private static void addMachineNames(Set<String> names) {
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(normalize(local.getHostName()));
            names.add(normalize(local.getCanonicalHostName()));
        } catch (UnknownHostException e) {
            // no name for this machine: its addresses below still count
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    String text = address.getHostAddress();
                    int zone = text.indexOf('%');
                    names.add(normalize(zone >= 0 ? text.substring(0, zone) : text));
                }
            }
        } catch (SocketException e) {
            // interfaces cannot be listed: localhost and the configured names remain
        }
    }
}
