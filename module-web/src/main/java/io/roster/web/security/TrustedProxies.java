package io.roster.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses a trusted reverse proxy connects from: single addresses ({@code 10.0.0.5}, {@code ::1}) or CIDR
 * blocks ({@code 10.0.0.0/8}). Literal addresses only, never host names, so no lookup can be spoofed.
 */
public final class TrustedProxies {
    private record Block(byte[] network, int bits) {}

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    /**
     * Parses a list of addresses and blocks.
     *
     * @throws IllegalArgumentException when an entry is not a literal address or block
     */
    public static TrustedProxies parse(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String address = entry;
            int bits = -1;
            int slash = entry.indexOf('/');
            if (slash >= 0) {
                address = entry.substring(0, slash);
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not an address block: " + entry);
                }
            }
            if (!address.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not a literal IP address: " + entry);
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + entry);
            }
            if (bits < 0) {
                bits = bytes.length * 8;
            }
            if (bits > bytes.length * 8) {
                throw new IllegalArgumentException("prefix too long: " + entry);
            }
            blocks.add(new Block(bytes, bits));
        }
        return new TrustedProxies(List.copyOf(blocks));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether a peer address (a literal, as the connection reports it) is a trusted proxy. */
    public boolean contains(String peer) {
        if (peer == null || !peer.matches("[0-9a-fA-F:.]+(%[A-Za-z0-9]+)?")) {
            return false;
        }
        byte[] bytes;
        try {
            int zone = peer.indexOf('%');
            bytes = InetAddress.getByName(zone >= 0 ? peer.substring(0, zone) : peer)
                    .getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        for (Block b : blocks) {
            if (b.network.length == bytes.length && samePrefix(b.network, bytes, b.bits)) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (b[full] & mask);
    }
}
