package org.alize.notification.webhook;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Where a webhook may be delivered, checked when it is subscribed and again before each attempt (a name may resolve
 * elsewhere later): an absolute {@code https} address without credentials or fragment, at most {@value #MAX_LENGTH}
 * characters, whose host resolves only to public addresses. Loopback, private (RFC 1918, unique local), link-local
 * (the cloud metadata service), shared (RFC 6598), multicast and unspecified addresses would let a basin's operator
 * reach the platform's own network: refused, unless the host is one the deployment trusts. Redirects are never followed
 * (the sender), so an answer cannot send the request elsewhere.
 */
final class Destinations {

    static final int MAX_LENGTH = 500;

    private final boolean allowHttp;
    private final Set<String> trusted;

    Destinations(WebhookSettings settings) {
        this.allowHttp = settings.allowHttp();
        this.trusted = settings.trusted();
    }

    /** A refusal, in French, for the API's field error. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The address as it will be called; refused with the reason when it may not be. */
    URI check(String address) throws Refused {
        if (address == null || address.isBlank()) {
            throw new Refused("l'adresse est obligatoire");
        }
        if (address.length() > MAX_LENGTH) {
            throw new Refused("au plus " + MAX_LENGTH + " caractères");
        }
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (URISyntaxException e) {
            throw new Refused("adresse illisible : " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused("l'adresse doit commencer par https:// (le contenu et sa signature ne circulent pas en clair)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("l'adresse ne peut pas contenir d'identifiants (utilisez la signature pour authentifier l'envoi)");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("l'adresse ne peut pas contenir de fragment (#…)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("l'adresse doit nommer un serveur");
        }
        reachable(uri);
        return uri;
    }

    /** Whether the host may be called now: every address it resolves to is public (or the host is trusted). */
    void reachable(URI uri) throws Refused {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (trusted.contains(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(IDN.toASCII(host));
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new Refused("le serveur " + host + " est introuvable (DNS)");
        }
        for (InetAddress address : addresses) {
            if (internal(address) && !trusted.contains(address.getHostAddress().toLowerCase(Locale.ROOT))) {
                throw new Refused("le serveur " + host + " est une adresse interne (" + address.getHostAddress()
                        + ") : seules les adresses publiques sont appelées");
            }
        }
    }

    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = raw[0] & 0xff;
            int second = raw[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // shared address space, RFC 6598
                    || (first == 192 && second == 0 && (raw[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = raw[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            boolean mapped = true; // ::ffff:a.b.c.d, judged as the IPv4 address it carries
            for (int i = 0; i < 10; i++) {
                mapped &= raw[i] == 0;
            }
            if (mapped && (raw[10] & 0xff) == 0xff && (raw[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {raw[12], raw[13], raw[14], raw[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
